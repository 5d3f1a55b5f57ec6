import { useId } from 'react';
import { useAdminParticipants } from '../hooks/use-admin-participants.js';
import { formatFullDateTime } from '../lib/format-time.js';
import { QueryFallback } from './QueryFallback.js';
import { RoleBadge } from './RoleBadge.js';

/**
 * The review page's "Participants" (`GET /api/admin/conversations/:id/participants`): each one's name, role badge,
 * when they joined and how far they have read (the `seq` of the last message read).
 */
export function AdminParticipantList({ conversationId }: { conversationId: string }) {
  const headingId = useId();
  const query = useAdminParticipants(conversationId);
  return (
    <section aria-labelledby={headingId} className="border-b border-slate-200 px-4 py-3">
      <h3 id={headingId} className="mb-2 text-sm font-semibold text-slate-900">
        Participants
      </h3>
      <QueryFallback query={query} noun="the participants" className="" />
      {query.data && query.data.items.length === 0 && <p className="text-sm text-slate-500">No participants.</p>}
      {query.data && query.data.items.length > 0 && (
        <ul aria-label="Participants" className="flex flex-col gap-1 text-sm">
          {query.data.items.map((participant) => (
            <li key={participant.userId} className="flex flex-wrap items-center gap-x-2">
              <span className="font-medium text-slate-900">{participant.name}</span>
              <RoleBadge role={participant.role} />
              <span className="text-xs text-slate-500">
                joined <time dateTime={participant.joinedAt}>{formatFullDateTime(participant.joinedAt)}</time> · read up to #{participant.lastReadSeq}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
