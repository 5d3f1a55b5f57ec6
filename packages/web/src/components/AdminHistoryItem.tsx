import type { Message } from '@parley/protocol';
import { useState } from 'react';
import { formatFullDateTime } from '../lib/format-time.js';
import { EditHistoryDialog } from './EditHistoryDialog.js';
import { EditedMark } from './EditedMark.js';

/** One message of the review page's history and the names of the people who may have sent it (by user id). */
export interface AdminHistoryItemProps {
  message: Message;
  names: ReadonlyMap<string, string>;
}

/** A time with its full date and time as text (the review reads exact times). */
function FullTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatFullDateTime(iso)}</time>;
}

/**
 * One message as an admin reviews it: `#seq`, the sender's name ("Former participant" when no longer one), the time
 * and the text. A deleted message keeps its text, struck through and dimmed, marked "Deleted" with the deletion
 * time; an edited one says "edited", a button opening its {@link EditHistoryDialog}; a system message is a muted,
 * centered line of its own.
 */
export function AdminHistoryItem({ message, names }: AdminHistoryItemProps) {
  const [showingEdits, setShowingEdits] = useState(false);
  if (message.type === 'system') {
    return (
      <p data-message-type="system" className="mx-auto max-w-md rounded-md bg-slate-100 px-3 py-1.5 text-center text-xs text-slate-600">
        <span className="font-medium">System</span> · #{message.seq} · {message.text} · <FullTime iso={message.createdAt} />
      </p>
    );
  }
  const deleted = message.deletedAt !== null;
  const sender = message.senderId === null ? 'Parley' : (names.get(message.senderId) ?? 'Former participant');
  return (
    <div data-deleted={deleted || undefined}>
      <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
        <span className="font-medium text-slate-800">{sender}</span>
        <span>#{message.seq}</span>
        <FullTime iso={message.createdAt} />
        {message.editedAt && <EditedMark editedAt={message.editedAt} onShowEdits={() => setShowingEdits(true)} />}
        {message.deletedAt && (
          <span className="rounded bg-red-100 px-1.5 font-semibold text-red-800">
            Deleted <FullTime iso={message.deletedAt} />
          </span>
        )}
      </p>
      <p className={`whitespace-pre-wrap break-words ${deleted ? 'text-slate-400 line-through' : 'text-slate-900'}`}>{message.text}</p>
      {showingEdits && <EditHistoryDialog message={message} onClose={() => setShowingEdits(false)} />}
    </div>
  );
}
