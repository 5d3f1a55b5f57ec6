import type { Conversation } from '@parley/protocol';
import { Link } from 'wouter';
import { formatFullDateTime, formatRelativeTime } from '../lib/format-time.js';
import { isMuted } from '../lib/muted.js';
import { UnreadBadge } from './UnreadBadge.js';

/** One inbox row. */
export interface ConversationListItemProps {
  conversation: Conversation;
  meId: string;
  selected: boolean;
  /** "Now" for the relative time (ms since the epoch). */
  now: number;
}

/**
 * The last message's preview line: "You: …" for the caller's own, the text for others' and system messages,
 * "Message deleted" for a deleted one (its preview is empty; sent text never is).
 */
function previewOf(conversation: Conversation, meId: string): string {
  const last = conversation.lastMessage;
  if (!last) return 'No messages yet';
  const text = last.preview === '' ? 'Message deleted' : last.preview;
  return last.senderId === meId ? `You: ${text}` : text;
}

/**
 * A link to `/c/:id` showing the conversation title, the other participants, the last message preview,
 * the relative time of the last activity, the unread badge, and "Read-only" / "Muted" when so.
 */
export function ConversationListItem({ conversation, meId, selected, now }: ConversationListItemProps) {
  const others = conversation.participants.filter((participant) => participant.userId !== meId).map((participant) => participant.name);
  const unread = conversation.unreadCount > 0;
  const at = conversation.lastMessage?.createdAt ?? conversation.lastMessageAt;
  return (
    <li>
      <Link
        href={`/c/${encodeURIComponent(conversation.id)}`}
        aria-current={selected ? 'page' : undefined}
        className={`block border-b border-slate-100 px-4 py-3 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 ${selected ? 'bg-sky-50' : ''}`}
      >
        <span className="flex items-baseline justify-between gap-2">
          <span className={`truncate text-sm ${unread ? 'font-bold text-slate-900' : 'font-semibold text-slate-800'}`}>{conversation.title}</span>{' '}
          <time dateTime={at} title={formatFullDateTime(at)} className="shrink-0 text-xs text-slate-500">
            {formatRelativeTime(at, now)}
          </time>
        </span>{' '}
        <span className="block truncate text-xs text-slate-500">{others.length > 0 ? `with ${others.join(', ')}` : 'Only you'}</span>{' '}
        <span className="mt-1 flex items-center justify-between gap-2">
          <span className={`truncate text-sm ${unread ? 'text-slate-900' : 'text-slate-600'}`}>{previewOf(conversation, meId)}</span>{' '}
          <UnreadBadge count={conversation.unreadCount} />
        </span>
        {conversation.status !== 'active' && <span className="mt-1 block text-xs text-amber-700">Read-only</span>}
        {isMuted(conversation, now) && <span className="mt-1 block text-xs text-slate-500">Muted</span>}
      </Link>
    </li>
  );
}
