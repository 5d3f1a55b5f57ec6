import type { AdminConversation } from '@parley/protocol';
import { AdminConversationLink } from './AdminConversationLink.js';
import { AdminStatusButtons } from './AdminStatusButtons.js';

/**
 * One conversation of the admin list: its title (a link to its review page, `/admin/conversations/:id`), project,
 * status and participant count, and its status buttons ({@link AdminStatusButtons}).
 */
export function AdminConversationRow({ conversation }: { conversation: AdminConversation }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-slate-900">
          <AdminConversationLink conversationId={conversation.id} className="hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
            {conversation.title}
          </AdminConversationLink>
        </p>
        <p className="text-xs text-slate-500">
          {conversation.projectTitle} · {conversation.participantCount} participants · Status: <span className="font-medium">{conversation.status}</span>
        </p>
      </div>
      <AdminStatusButtons conversation={conversation} />
    </div>
  );
}
