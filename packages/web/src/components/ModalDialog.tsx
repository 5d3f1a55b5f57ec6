import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { FOCUSABLE, wrapTabFocus } from '../lib/focus-wrap.js';

/** A modal dialog's title, content and way out. */
export interface ModalDialogProps {
  title: string;
  /** Escape, a click on the backdrop, or "Cancel". */
  onClose: () => void;
  children: ReactNode;
  /** A refusal of the dialog's action, shown as an alert above the buttons. */
  error?: string | null;
  /** The dialog's own action button(s), after "Cancel". */
  confirm?: ReactNode;
}

/**
 * A modal dialog (WAI-ARIA dialog pattern): role "dialog" with `aria-modal`, named by its title, over a dimmed page.
 * Focus moves to its first control and stays inside (Tab wraps around); Escape, "Cancel" or a click on the backdrop
 * closes it; focus then returns to where it was before.
 */
export function ModalDialog({ title, onClose, children, error = null, confirm }: ModalDialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  // Taken while rendering, before the dialog takes the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => opener?.focus();
  }, [opener]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    wrapTabFocus(event);
  };

  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/40 p-4" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        className="flex max-h-[80vh] w-96 max-w-full flex-col rounded-lg bg-white p-4 text-slate-900 shadow-xl"
      >
        <h2 id={titleId} className="mb-3 text-base font-semibold">
          {title}
        </h2>
        {children}
        {error && (
          <p role="alert" className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-800">
            {error}
          </p>
        )}
        <div className="mt-4 flex justify-end gap-2 text-sm">
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
            Cancel
          </button>
          {confirm}
        </div>
      </div>
    </div>
  );
}
