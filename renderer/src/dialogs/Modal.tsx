import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
}

/**
 * A dialog over the app: labelled, takes focus and gives it back to where it came from when it
 * closes. Escape closes it and goes no further: the app underneath never sees it (it would drop
 * the selection), wherever the focus was.
 */
export function Modal({ title, onClose, children, footer }: ModalProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  // Taken before the dialog's fields mount: one with autoFocus would otherwise be "where focus was".
  const [previous] = useState(() => document.activeElement as HTMLElement | null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    // A dialog with nothing to type in or press (a sheet to read) takes focus itself, so its keys reach it.
    const first = panel.current?.querySelector<HTMLElement>('[autofocus], input, button, [tabindex="0"]') ?? panel.current;
    first?.focus();
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      event.stopPropagation();
      close.current();
    };
    // Capture: before the app's shortcuts and the canvas, whatever has focus.
    window.addEventListener('keydown', onEscape, true);
    return () => {
      window.removeEventListener('keydown', onEscape, true);
      if (previous?.isConnected) previous.focus();
    };
  }, [previous]);
  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={panel} className="modal" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div className="modal-body">{children}</div>
        {footer ? <div className="modal-footer">{footer}</div> : null}
      </div>
    </div>
  );
}
