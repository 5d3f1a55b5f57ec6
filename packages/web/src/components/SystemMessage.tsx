import type { Message } from '@parley/protocol';
import { formatClockTime, formatFullDateTime } from '../lib/format-time.js';

/** A server-written message (e.g. "Project started"), centered and muted, apart from the conversation. */
export function SystemMessage({ message }: { message: Message }) {
  return (
    <p data-message-type="system" className="mx-auto my-2 max-w-md rounded-md bg-slate-100 px-3 py-1.5 text-center text-xs text-slate-600">
      {message.text}{' '}
      <time dateTime={message.createdAt} title={formatFullDateTime(message.createdAt)} className="text-slate-400">
        {formatClockTime(message.createdAt)}
      </time>
    </p>
  );
}
