import type { ReactNode } from 'react';
import { useRefusableAction } from '../hooks/use-refusable-action.js';
import { ModalDialog } from './ModalDialog.js';

/** A question, its red action and what to do with the answer. */
export interface ConfirmDialogProps {
  /** The dialog's name, a question ("Leave group?"). */
  title: string;
  /** What the action does, in a sentence or two. */
  children: ReactNode;
  /** The action button's text ("Leave") and its text while the action runs ("Leaving…"). */
  confirmLabel: string;
  runningLabel: string;
  /** Put before a refusal in the alert ("Could not leave the group"). */
  errorPrefix: string;
  /** Turns a refusal into a sentence. */
  describe: (error: unknown) => string;
  /** Does it; rejects with the refusal. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/**
 * A confirmation for a destructive action: "Cancel" (focused first) or the red action button. A refusal shows as an
 * alert ("<errorPrefix>: <sentence>") and the dialog stays open; success closes it.
 */
export function ConfirmDialog({ title, children, confirmLabel, runningLabel, errorPrefix, describe, onConfirm, onClose }: ConfirmDialogProps) {
  const action = useRefusableAction(describe);
  const confirm = (
    <button
      type="button"
      onClick={() => action.run(onConfirm, onClose)}
      disabled={action.running}
      className="rounded bg-red-600 px-3 py-1.5 font-semibold text-white hover:bg-red-700 disabled:opacity-60"
    >
      {action.running ? runningLabel : confirmLabel}
    </button>
  );
  return (
    <ModalDialog title={title} onClose={onClose} error={action.error && `${errorPrefix}: ${action.error}`} confirm={confirm}>
      <div className="text-sm text-slate-700">{children}</div>
    </ModalDialog>
  );
}
