import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  /** Added to the panel's class, for a dialog that needs another size (the capture browser fills the window). */
  className?: string;
  /** False for a dialog whose work a stray click must not lose (the capture browser): the backdrop does nothing. */
  closeOnBackdrop?: boolean;
}

/** Open dialogs. Only the top one answers Escape, so stacked dialogs close one at a time. */
const openDialogs = new Set<HTMLElement>();
/** The top dialog is the last in document order: a dialog opened inside another comes after it. */
const isTopDialog = (element: HTMLElement | null) =>
  element !== null && [...openDialogs].every((other) => other === element || !(element.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING));

/** Whether a dialog is open: the app's shortcuts then stay quiet, as the app behind it is out of reach. */
export const isModalOpen = () => openDialogs.size > 0;

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
/** The dialog's own controls in Tab order (a dialog stacked inside it answers for its own). */
const tabbablesOf = (element: HTMLElement) => [...element.querySelectorAll<HTMLElement>(TABBABLE)].filter((candidate) => !candidate.closest('[hidden]') && candidate.closest('[role="dialog"]') === element);

/**
 * A dialog over the app: labelled, takes focus and gives it back to where it came from when it
 * closes. Escape closes it and goes no further: the app underneath never sees it (it would drop
 * the selection), wherever the focus was. A control inside the dialog that uses Escape itself (a
 * list that closes, a field that cancels) gets it first.
 */
export function Modal({ title, onClose, children, footer, className, closeOnBackdrop = true }: ModalProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  // Taken before the dialog's fields mount: one with autoFocus would otherwise be "where focus was".
  const [previous] = useState(() => document.activeElement as HTMLElement | null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const element = panel.current;
    if (element) openDialogs.add(element);
    // A dialog with nothing to type in or press (a sheet to read) takes focus itself, so its keys reach it.
    const first = element?.querySelector<HTMLElement>('[autofocus], input, button, [tabindex="0"]') ?? element;
    first?.focus();
    // Focus outside the dialog (on the page behind it): take Escape before the app's shortcuts do.
    const onEscapeOutside = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing || !isTopDialog(element)) return;
      if (element?.contains(event.target as Node)) return; // the dialog's own handler below takes it
      event.preventDefault();
      event.stopPropagation();
      close.current();
    };
    // Focus lost to the page behind (a focused button went away): Tab comes back into the dialog, never to the app's toolbar.
    const onTabOutside = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.defaultPrevented || !element || !isTopDialog(element) || element.contains(document.activeElement)) return;
      event.preventDefault();
      const tabbables = tabbablesOf(element);
      (event.shiftKey ? (tabbables[tabbables.length - 1] ?? element) : (tabbables[0] ?? element)).focus();
    };
    window.addEventListener('keydown', onEscapeOutside, true);
    window.addEventListener('keydown', onTabOutside, true);
    return () => {
      window.removeEventListener('keydown', onEscapeOutside, true);
      window.removeEventListener('keydown', onTabOutside, true);
      if (element) openDialogs.delete(element);
      if (previous?.isConnected) previous.focus();
    };
  }, [previous]);
  return (
    <div className="modal-backdrop" onMouseDown={(event) => closeOnBackdrop && event.target === event.currentTarget && onClose()}>
      <div
        ref={panel}
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Tab' && !event.defaultPrevented && panel.current) {
            // Focus stays inside: Tab from the last control goes to the first, Shift+Tab the other way.
            const tabbables = tabbablesOf(panel.current);
            const edge = event.shiftKey ? tabbables[0] : tabbables[tabbables.length - 1];
            if (tabbables.length === 0 || document.activeElement === edge || document.activeElement === panel.current) {
              event.preventDefault();
              (event.shiftKey ? tabbables[tabbables.length - 1] : tabbables[0])?.focus();
            }
            return;
          }
          // Bubbling: the dialog's own controls saw Escape first and may have used it.
          if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing || !isTopDialog(panel.current)) return;
          event.preventDefault();
          event.stopPropagation(); // the app's window listeners never see it
          close.current();
        }}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div className="modal-body">{children}</div>
        {footer ? <div className="modal-footer">{footer}</div> : null}
      </div>
    </div>
  );
}
