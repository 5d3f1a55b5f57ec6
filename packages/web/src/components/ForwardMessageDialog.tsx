import type { Conversation, Message } from '@parley/protocol';
import { describeError } from '../api/auth-errors.js';
import { useConversationList } from '../hooks/use-conversation-list.js';
import { useRefusableAction } from '../hooks/use-refusable-action.js';
import { messagePreview } from '../lib/message-preview.js';
import { ModalDialog } from './ModalDialog.js';

/** The message to forward and what to do with the choice. */
export interface ForwardMessageDialogProps {
  message: Message;
  meId: string;
  /** Forwards it into `target`; rejects with the refusal. */
  onForward: (message: Message, target: Conversation) => Promise<void>;
  onClose: () => void;
}

/**
 * "Forward message": the caller's other active conversations (not archived, newest activity first, as the inbox
 * lists them), each a button named by its title; a click forwards the message there and closes the dialog. A
 * refusal shows as an alert and the dialog stays open.
 */
export function ForwardMessageDialog({ message, meId, onForward, onClose }: ForwardMessageDialogProps) {
  const query = useConversationList({ search: '', archived: false });
  const action = useRefusableAction();
  const targets = (query.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (conversation) => conversation.id !== message.conversationId && conversation.status === 'active',
  );

  return (
    <ModalDialog title="Forward message" onClose={onClose} error={action.error && `Could not forward the message: ${action.error}`}>
      <blockquote className="mb-3 line-clamp-3 border-l-2 border-slate-300 pl-2 text-sm text-slate-600">{messagePreview(message)}</blockquote>
      {query.isPending && <p className="text-sm text-slate-500">Loading conversations…</p>}
      {query.isError && <p className="text-sm text-red-700">Could not load conversations: {describeError(query.error)}</p>}
      {query.isSuccess && targets.length === 0 && <p className="text-sm text-slate-500">You have no other conversation to forward to.</p>}
      <ul aria-label="Forward to" className="-mx-1 min-h-0 flex-1 overflow-y-auto">
        {targets.map((conversation) => (
          <li key={conversation.id}>
            <button
              type="button"
              disabled={action.running}
              onClick={() => action.run(() => onForward(message, conversation), onClose)}
              className="w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:opacity-60"
            >
              <span className="block font-medium">{conversation.title}</span>
              <span className="block text-xs text-slate-500">
                with{' '}
                {conversation.participants
                  .filter((participant) => participant.userId !== meId)
                  .map((participant) => participant.name)
                  .join(', ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {query.hasNextPage && (
        <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className="mt-1 self-start text-sm text-sky-700 underline">
          Load more conversations
        </button>
      )}
    </ModalDialog>
  );
}
