import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useDismiss } from '../hooks/use-dismiss.js';

/** The emoji the reaction picker offers. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉', '😮', '😢', '🙏', '✅'] as const;

/** The actions offered on one message; an absent handler leaves its item out. */
export interface MessageActionsMenuProps {
  onCopy: () => void;
  onReply?: () => void;
  /** Adds the caller's reaction, or removes it when it is one of `reacted`. */
  onReact?: (emoji: string) => void;
  onForward: () => void;
  onEdit?: () => void;
  /** Opens the edit history (edited messages). */
  onShowEdits?: () => void;
  onDelete?: () => void;
  /** Reports the message to the admins (others' messages). */
  onReport?: () => void;
  /** Pins the message, or unpins it when `pinned`. */
  onTogglePin?: () => void;
  pinned: boolean;
  /** The emoji the caller already reacted with (checked in the picker). */
  reacted: readonly string[];
  /** Align the menu with the button's right edge (own messages sit on the right). */
  alignEnd: boolean;
  /** The "Message actions" button, for the caller to give the focus back to it (after editing). */
  buttonRef: RefObject<HTMLButtonElement | null>;
}

type View = 'closed' | 'actions' | 'reactions';

/**
 * A "Message actions" button opening a menu (WAI-ARIA menu button pattern): Copy, Reply, React…, Forward,
 * Pin or Unpin, Edit, Edit history, Delete, Report. "React…" turns the menu into a picker of {@link QUICK_REACTIONS}. Arrow keys, Home and End move between
 * items, Enter or Space picks one, Escape closes the menu and returns focus to the button, Tab or a click outside
 * closes it. The menu opens upwards from the lower half of the window.
 */
export function MessageActionsMenu(props: MessageActionsMenuProps) {
  const { onCopy, onReply, onReact, onForward, onEdit, onShowEdits, onDelete, onReport, onTogglePin, pinned, reacted, alignEnd, buttonRef: button } = props;
  const [view, setView] = useState<View>('closed');
  const [above, setAbove] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const open = view !== 'closed';

  const close = (refocus: boolean) => {
    setView('closed');
    if (refocus) button.current?.focus();
  };
  useDismiss(open, root, (reason) => close(reason === 'escape'));
  useEffect(() => {
    if (view !== 'closed') menu.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  }, [view]);

  const openMenu = () => {
    setAbove((button.current?.getBoundingClientRect().top ?? 0) > window.innerHeight / 2);
    setView('actions');
  };
  const pick = (action: () => void) => {
    close(true);
    action();
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Tab') close(false);
    else if (moveMenuFocus(event)) event.preventDefault();
  };

  return (
    <div ref={root} className="relative shrink-0 self-center">
      <button
        ref={button}
        type="button"
        aria-label="Message actions"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu())}
        className="rounded-full px-1.5 text-base leading-6 text-slate-500 opacity-0 group-hover:opacity-100 group-focus-within:opacity-100 hover:bg-slate-200 focus:opacity-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 aria-expanded:opacity-100 pointer-coarse:opacity-100"
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={view === 'reactions' ? 'Pick a reaction' : 'Message actions'}
          aria-orientation={view === 'reactions' ? 'horizontal' : 'vertical'}
          onKeyDown={onMenuKeyDown}
          className={`absolute z-20 ${above ? 'bottom-full mb-1' : 'top-full mt-1'} ${alignEnd ? 'right-0' : 'left-0'} ${
            view === 'reactions' ? 'flex' : 'w-36'
          } rounded-md border border-slate-200 bg-white py-1 text-slate-900 shadow-lg`}
        >
          {view === 'actions' ? (
            <>
              <Item onSelect={() => pick(onCopy)}>Copy</Item>
              {onReply && <Item onSelect={() => pick(onReply)}>Reply</Item>}
              {onReact && <Item onSelect={() => setView('reactions')}>React…</Item>}
              <Item onSelect={() => pick(onForward)}>Forward</Item>
              {onTogglePin && <Item onSelect={() => pick(onTogglePin)}>{pinned ? 'Unpin' : 'Pin'}</Item>}
              {onEdit && <Item onSelect={() => pick(onEdit)}>Edit</Item>}
              {onShowEdits && <Item onSelect={() => pick(onShowEdits)}>Edit history</Item>}
              {onDelete && <Item onSelect={() => pick(onDelete)}>Delete</Item>}
              {onReport && <Item onSelect={() => pick(onReport)}>Report</Item>}
            </>
          ) : (
            QUICK_REACTIONS.map((emoji) => (
              <button
                key={emoji}
                type="button"
                role="menuitemcheckbox"
                aria-checked={reacted.includes(emoji)}
                aria-label={`React with ${emoji}`}
                tabIndex={-1}
                onClick={() => pick(() => onReact?.(emoji))}
                className="mx-0.5 rounded px-1.5 py-0.5 text-lg hover:bg-slate-100 focus:bg-slate-100 focus:outline-none aria-checked:bg-sky-100"
              >
                {emoji}
              </button>
            ))
          )}
        </div>
      )}
    </div>
  );
}

function Item({ onSelect, children }: { onSelect: () => void; children: ReactNode }) {
  return (
    <button type="button" role="menuitem" tabIndex={-1} onClick={onSelect} className="block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none">
      {children}
    </button>
  );
}

/** Arrow keys (either axis), Home and End move focus among the menu's items, wrapping around; true when the key was one of them. */
function moveMenuFocus(event: KeyboardEvent<HTMLDivElement>): boolean {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
  const index = items.findIndex((item) => item === document.activeElement);
  const targets: Partial<Record<string, number>> = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: -1 };
  const target = targets[event.key];
  if (target === undefined || items.length === 0) return false;
  items[(target + items.length) % items.length]?.focus();
  return true;
}
