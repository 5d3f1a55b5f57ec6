import { Link } from 'wouter';
import { isNotFound } from '../api/auth-errors.js';
import { useAdminConversation } from '../hooks/use-admin-conversation.js';
import { AdminHistory } from './AdminHistory.js';
import { AdminParticipantList } from './AdminParticipantList.js';
import { AdminStatusButtons } from './AdminStatusButtons.js';
import { QueryFallback } from './QueryFallback.js';

/** The review page's head: the conversation's title, project and status with its status buttons. */
function ReviewHeader({ conversationId }: { conversationId: string }) {
  const query = useAdminConversation(conversationId);
  const conversation = query.data;
  if (query.isError && isNotFound(query.error)) return <p className="px-4 py-3 text-sm text-slate-700">Conversation not found</p>;
  if (conversation === undefined) return <QueryFallback query={query} noun="the conversation" className="px-4 py-3" />;
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-4 py-3">
      <div className="min-w-0 flex-1">
        <h2 className="text-base font-semibold text-slate-900">{conversation.title}</h2>
        <p className="text-xs text-slate-500">
          Project: {conversation.projectTitle} · {conversation.kind === 'group' ? 'Group' : 'Project conversation'} · Status:{' '}
          <span className="font-medium">{conversation.status}</span>
        </p>
      </div>
      <AdminStatusButtons conversation={conversation} />
    </header>
  );
}

/**
 * An admin's review of one conversation (`/admin/conversations/:id`), reached from its row in the admin list, a report
 * or an audit entry: its title, project and status with the status buttons, its participants and its full history,
 * newest first, deleted messages with their text (docs/api.md § Admin routes).
 */
export function AdminConversationReview({ conversationId }: { conversationId: string }) {
  return (
    <div>
      <p className="px-4 pt-2 text-xs">
        <Link href="/admin" className="text-sky-700 underline hover:text-sky-900">
          ← All conversations
        </Link>
      </p>
      <ReviewHeader conversationId={conversationId} />
      <AdminParticipantList conversationId={conversationId} />
      <AdminHistory conversationId={conversationId} />
    </div>
  );
}
