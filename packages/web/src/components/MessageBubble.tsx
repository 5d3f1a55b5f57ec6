import type { ReactNode } from 'react';
import { formatClockTime, formatFullDateTime } from '../lib/format-time.js';
import { DeliveryTick, type DeliveryState } from './DeliveryTick.js';
import { EditedMark } from './EditedMark.js';

/** What one bubble shows around its content. */
export interface MessageBubbleProps {
  /** The bubble's content: the text, and for stored messages their forward label, reply quote or editor. */
  children: ReactNode;
  /** When it was sent (ISO 8601). */
  createdAt: string;
  /** The caller's own message: right-aligned, with a delivery mark. */
  own: boolean;
  /** The delivery mark of an own message; null for others' messages. */
  delivery: DeliveryState | null;
  /** When the text was last edited (ISO 8601): an "edited" marker beside the time. */
  editedAt?: string | null;
  /** Makes the "edited" marker a button opening the message's edit history. */
  onShowEdits?: () => void;
  /** A deleted message's tombstone: muted, without a colour of its own. */
  tombstone?: boolean;
  /** The stored message's id: the row's DOM id (`message-<id>`), so a search result can scroll to it. */
  messageId?: string;
  /** Briefly marks the message a search result opened. */
  highlighted?: boolean;
  /** The message mentions the viewer: an amber ring around the bubble, and "Mentions you" for screen readers. */
  mentionsMe?: boolean;
  /** The actions menu, beside the bubble. */
  actions?: ReactNode;
  /** Under the bubble: the reaction chips. */
  footer?: ReactNode;
  /** Shown with a "Retry" button when the delivery failed. */
  onRetry?: () => void;
}

function toneOf(own: boolean, tombstone: boolean, mentionsMe: boolean): string {
  if (tombstone) return 'bg-slate-100 text-slate-500 ring-1 ring-slate-200';
  if (own) return 'bg-sky-600 text-white';
  return mentionsMe ? 'bg-amber-50 text-slate-900 ring-2 ring-amber-300' : 'bg-white text-slate-900 ring-1 ring-slate-200';
}

/**
 * One message's bubble: its content, its time (and "edited"), for the caller's own the delivery mark, and around it
 * the actions menu and the reaction chips. "edited" opens the edit history when the bubble is given `onShowEdits`.
 */
export function MessageBubble(props: MessageBubbleProps) {
  const { children, createdAt, own, delivery, editedAt = null, onShowEdits, tombstone = false, messageId, highlighted = false, mentionsMe = false, actions, footer, onRetry } =
    props;
  return (
    <div
      id={messageId ? `message-${messageId}` : undefined}
      data-highlighted={highlighted || undefined}
      className={`group flex w-full flex-col rounded-lg transition-colors duration-700 ${own ? 'items-end' : 'items-start'} ${highlighted ? 'bg-amber-100' : ''}`}
      data-delivery={delivery ?? undefined}
    >
      <div className={`flex max-w-[80%] items-start gap-1 ${own ? 'flex-row-reverse' : ''}`}>
        <div className={`min-w-0 rounded-2xl px-3 py-2 text-sm shadow-sm ${toneOf(own, tombstone, mentionsMe)} ${delivery === 'sending' ? 'opacity-70' : ''}`}>
          {mentionsMe && <span className="sr-only">Mentions you: </span>}
          {children}
        </div>
        {actions}
      </div>
      {footer}
      <div className="mt-0.5 flex items-center gap-1.5 px-1 text-[0.7rem] text-slate-500">
        <time dateTime={createdAt} title={formatFullDateTime(createdAt)}>
          {formatClockTime(createdAt)}
        </time>
        {editedAt && !tombstone && <EditedMark editedAt={editedAt} onShowEdits={onShowEdits} />}
        {delivery && <DeliveryTick state={delivery} />}
        {delivery === 'failed' && (
          <>
            <span className="text-red-700">Not sent.</span>
            <button type="button" onClick={onRetry} className="font-semibold text-red-700 underline hover:text-red-900">
              Retry
            </button>
          </>
        )}
      </div>
    </div>
  );
}
