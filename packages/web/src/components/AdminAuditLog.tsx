import { queryKeys } from '../api/query-keys.js';
import { useAdminPages } from '../hooks/use-admin-pages.js';
import { useApi } from '../hooks/use-api.js';
import { formatFullDateTime } from '../lib/format-time.js';
import { AdminConversationLink } from './AdminConversationLink.js';
import { PagedList } from './PagedList.js';

/** An entry's details as "key: value" pairs (strings as they are, other values as JSON). */
function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/**
 * The admin page's "Audit log" (`GET /api/admin/audit`), newest first: each entry's time, action (e.g.
 * `conversation.status`), the actor's name, the conversation's title (a link to its review page,
 * `/admin/conversations/:id`) and details (e.g. "from: active, to: locked").
 */
export function AdminAuditLog() {
  const api = useApi();
  const query = useAdminPages(queryKeys.adminAudit(), (page) => api.admin.audit(page));
  return (
    <PagedList query={query} label="Audit log" noun="audit entries" empty="The audit log is empty.">
      {(entry) => (
        <>
          <p>
            <span className="font-medium text-slate-900">{entry.action}</span> by <span title={entry.actorId}>{entry.actorName}</span>
            {entry.conversationId && (
              <>
                {' in '}
                <AdminConversationLink conversationId={entry.conversationId}>{entry.conversationTitle ?? entry.conversationId}</AdminConversationLink>
              </>
            )}
          </p>
          <p className="text-xs text-slate-500">
            {formatFullDateTime(entry.createdAt)} · {detailsText(entry.details)}
          </p>
        </>
      )}
    </PagedList>
  );
}
