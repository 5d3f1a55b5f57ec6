import { useId } from 'react';
import { useAdminHistory } from '../hooks/use-admin-history.js';
import { useAdminParticipants } from '../hooks/use-admin-participants.js';
import { AdminHistoryItem } from './AdminHistoryItem.js';
import { LoadMoreButton } from './LoadMoreButton.js';
import { QueryFallback } from './QueryFallback.js';

/**
 * The review page's "History": every message of the conversation, newest first, deleted ones with their text
 * (`GET /api/admin/conversations/:id/messages`), a page at a time; "Load earlier messages" reads the page below.
 * Senders are named from the participants (the query {@link AdminParticipantList} shows).
 */
export function AdminHistory({ conversationId }: { conversationId: string }) {
  const headingId = useId();
  const history = useAdminHistory(conversationId);
  const participants = useAdminParticipants(conversationId);
  const names = new Map((participants.data?.items ?? []).map((participant) => [participant.userId, participant.name]));
  const messages = history.data?.pages.flatMap((page) => [...page.items].reverse()) ?? [];
  return (
    <section aria-labelledby={headingId} className="px-4 py-3">
      <h3 id={headingId} className="mb-2 text-sm font-semibold text-slate-900">
        History <span className="font-normal text-slate-500">(newest first)</span>
      </h3>
      <QueryFallback query={history} noun="the history" className="" />
      {history.isSuccess && messages.length === 0 && <p className="text-sm text-slate-500">No messages yet.</p>}
      {messages.length > 0 && (
        <ol aria-label="Conversation history" className="flex flex-col gap-2 text-sm">
          {messages.map((message) => (
            <li key={message.id}>
              <AdminHistoryItem message={message} names={names} />
            </li>
          ))}
        </ol>
      )}
      {history.hasNextPage && (
        <LoadMoreButton onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
          Load earlier messages
        </LoadMoreButton>
      )}
    </section>
  );
}
