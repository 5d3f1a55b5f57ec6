import type { Conversation, SearchHit } from '@parley/protocol';
import { Link } from 'wouter';
import { formatFullDateTime, formatRelativeTime } from '../lib/format-time.js';
import { senderName } from '../lib/sender-name.js';
import { HighlightedSnippet } from './HighlightedSnippet.js';

/** One search hit and what names it. */
export interface SearchResultItemProps {
  hit: SearchHit;
  /** Its conversation, once loaded (for the title and the sender's name). */
  conversation: Conversation | undefined;
  meId: string;
  /** "Now" for the relative time (ms since the epoch). */
  now: number;
}

/**
 * A link to the message in its conversation (`/c/:id?message=<id>`) showing the conversation title, the sender, the
 * relative time and the snippet with its matched words marked.
 */
export function SearchResultItem({ hit, conversation, meId, now }: SearchResultItemProps) {
  const { message } = hit;
  return (
    <li>
      <Link
        href={`/c/${encodeURIComponent(message.conversationId)}?message=${encodeURIComponent(message.id)}`}
        className="block border-b border-slate-100 px-4 py-3 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500"
      >
        <span className="flex items-baseline justify-between gap-2">
          <span className="truncate text-sm font-semibold text-slate-800">{conversation?.title ?? 'Conversation'}</span>{' '}
          <time dateTime={message.createdAt} title={formatFullDateTime(message.createdAt)} className="shrink-0 text-xs text-slate-500">
            {formatRelativeTime(message.createdAt, now)}
          </time>
        </span>{' '}
        <span className="mt-1 block text-sm text-slate-700">
          <span className="font-medium">{senderName(message.senderId, conversation?.participants ?? [], meId)}:</span>{' '}
          <HighlightedSnippet snippet={hit.snippet} highlights={hit.highlights} />
        </span>
      </Link>
    </li>
  );
}
