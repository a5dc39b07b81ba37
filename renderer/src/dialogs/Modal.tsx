import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  /** Added to the panel's class, for a dialog that needs another size (the capture browser fills the window). */
  className?: string;
}

/** Open dialogs. Only the top one answers Escape, so stacked dialogs close one at a time. */
const openDialogs = new Set<HTMLElement>();
/** The top dialog is the last in document order: a dialog opened inside another comes after it. */
const isTopDialog = (element: HTMLElement | null) =>
  element !== null && [...openDialogs].every((other) => other === element || !(element.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING));

/**
 * A dialog over the app: labelled, takes focus and gives it back to where it came from when it
 * closes. Escape closes it and goes no further: the app underneath never sees it (it would drop
 * the selection), wherever the focus was. A control inside the dialog that uses Escape itself (a
 * list that closes, a field that cancels) gets it first.
 */
export function Modal({ title, onClose, children, footer, className }: ModalProps) {
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
    window.addEventListener('keydown', onEscapeOutside, true);
    return () => {
      window.removeEventListener('keydown', onEscapeOutside, true);
      if (element) openDialogs.delete(element);
      if (previous?.isConnected) previous.focus();
    };
  }, [previous]);
  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={panel}
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(event) => {
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
