import type { Message } from '@parley/protocol';
import { useRefusableAction } from '../hooks/use-refusable-action.js';
import { messagePreview } from '../lib/message-preview.js';
import { ModalDialog } from './ModalDialog.js';

/** The message to delete and what to do with the answer. */
export interface DeleteMessageDialogProps {
  message: Message;
  /** Deletes it; rejects with the refusal. */
  onDelete: (message: Message) => Promise<void>;
  onClose: () => void;
}

/**
 * "Delete message?": says that everyone in the conversation will see "This message was deleted" in its place, then
 * "Cancel" (focused first) or "Delete". A refusal shows as an alert and the dialog stays open.
 */
export function DeleteMessageDialog({ message, onDelete, onClose }: DeleteMessageDialogProps) {
  const action = useRefusableAction();
  const confirm = (
    <button
      type="button"
      onClick={() => action.run(() => onDelete(message), onClose)}
      disabled={action.running}
      className="rounded bg-red-600 px-3 py-1.5 font-semibold text-white hover:bg-red-700 disabled:opacity-60"
    >
      {action.running ? 'Deleting…' : 'Delete'}
    </button>
  );
  return (
    <ModalDialog title="Delete message?" onClose={onClose} error={action.error && `Could not delete the message: ${action.error}`} confirm={confirm}>
      <blockquote className="mb-2 line-clamp-3 border-l-2 border-slate-300 pl-2 text-sm text-slate-600">{messagePreview(message)}</blockquote>
      <p className="text-sm text-slate-700">Everyone in the conversation will see “This message was deleted” instead. This cannot be undone.</p>
    </ModalDialog>
  );
}
