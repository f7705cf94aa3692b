import { useEffect, useRef, type ReactNode } from 'react';
import './modal.css';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  wide?: boolean;
}

/**
 * A native modal <dialog>: it traps focus, closes on Esc and makes the page behind inert,
 * which a hand-made overlay would each have to re-implement.
 */
export function Modal({ title, onClose, children, testId, wide = false }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // showModal focuses the first focusable element (the close button); a form starts typed in.
    dialog.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'modal modal-wide' : 'modal'}
      aria-label={title}
      data-testid={testId}
      onClose={onClose}
    >
      <header className="modal-head">
        <h2>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
