import { formatClockTime, formatFullDateTime } from '../lib/format-time.js';
import { DeliveryTick, type DeliveryState } from './DeliveryTick.js';
import { LinkifiedText } from './LinkifiedText.js';

/** What one bubble shows. */
export interface MessageBubbleProps {
  text: string;
  /** When it was sent (ISO 8601). */
  createdAt: string;
  /** The caller's own message: right-aligned, with a delivery mark. */
  own: boolean;
  /** The delivery mark of an own message; null for others' messages. */
  delivery: DeliveryState | null;
  /** Deleted messages show a placeholder instead of their text. */
  deleted?: boolean;
  /** Shown with a "Retry" button when the delivery failed. */
  onRetry?: () => void;
}

/** One message's bubble: its text (links clickable), its time and, for the caller's own, the delivery mark. */
export function MessageBubble({ text, createdAt, own, delivery, deleted = false, onRetry }: MessageBubbleProps) {
  const tone = own ? 'bg-sky-600 text-white' : 'bg-white text-slate-900 ring-1 ring-slate-200';
  return (
    <div className={`flex flex-col ${own ? 'items-end' : 'items-start'}`} data-delivery={delivery ?? undefined}>
      <div className={`max-w-[80%] rounded-2xl px-3 py-2 text-sm shadow-sm ${tone} ${delivery === 'sending' ? 'opacity-70' : ''}`}>
        {deleted ? <em className="opacity-75">This message was deleted.</em> : <LinkifiedText text={text} />}
      </div>
      <div className="mt-0.5 flex items-center gap-1.5 px-1 text-[0.7rem] text-slate-500">
        <time dateTime={createdAt} title={formatFullDateTime(createdAt)}>
          {formatClockTime(createdAt)}
        </time>
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
