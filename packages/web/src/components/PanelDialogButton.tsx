import type { ReactNode } from 'react';

/** The button's text, what it opens, and whether its action is destructive. */
export interface PanelDialogButtonProps {
  children: ReactNode;
  /** Opens the button's dialog. */
  onClick: () => void;
  /** Red, for an action that takes something away ("Leave group"). */
  danger?: boolean;
}

/** A small button of the project panel that opens a dialog ("New group", "Add member", "Leave group"). */
export function PanelDialogButton({ children, onClick, danger = false }: PanelDialogButtonProps) {
  const tone = danger ? 'border-red-300 text-red-700 hover:bg-red-50' : 'border-slate-300 text-slate-700 hover:bg-slate-50';
  return (
    <button type="button" aria-haspopup="dialog" onClick={onClick} className={`self-start rounded border px-2 py-1 text-xs ${tone}`}>
      {children}
    </button>
  );
}
