/**
 * The shell of every modal dialog: rendered over the page (a portal, so a dialog opened
 * from the header is not clipped or stacked under it), focus moved inside and kept there
 * (Tab wraps), Escape closes, and focus goes back to where it was when the dialog closes.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import './Modal.css';

const focusable = 'button:not([disabled]), input:not([disabled]), select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

interface ModalProps {
  title: string;
  children: ReactNode;
  onClose(): void;
  /** Where focus starts; by default the title, so a screen reader reads the dialog from its top. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** 'alertdialog' for a question that interrupts the task and waits for an answer. */
  role?: 'dialog' | 'alertdialog';
  /** Id of the text, among the children, that says what the dialog is about. */
  describedBy?: string;
  /** Added to the dialog's own class, e.g. for a wider dialog. */
  className?: string;
}

export function Modal({ title, children, onClose, initialFocus, role = 'dialog', describedBy, className }: ModalProps) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    (initialFocus?.current ?? heading.current)?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      const items = Array.from(dialog.current?.querySelectorAll<HTMLElement>(focusable) ?? []);
      const [first, last] = [items[0], items.at(-1)];
      if (event.shiftKey && (document.activeElement === first || document.activeElement === heading.current)) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className={className ? `dialog ${className}` : 'dialog'}
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={describedBy}
        onKeyDown={onKeyDown}
      >
        {/* Focusable only when focus starts there. */}
        <h2 ref={heading} id={`${id}-title`} className="dialog__title" tabIndex={initialFocus ? undefined : -1}>
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
