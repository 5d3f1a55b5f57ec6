import type { Message } from '@parley/protocol';
import { useMessageEdits } from '../hooks/use-message-edits.js';
import { formatFullDateTime } from '../lib/format-time.js';
import { ModalDialog } from './ModalDialog.js';
import { QueryFallback } from './QueryFallback.js';

/** One version of the text in the list: what it said and since when. */
function Version({ text, since, current = false }: { text: string; since: string; current?: boolean }) {
  return (
    <li className={`rounded px-2 py-1.5 text-sm ${current ? 'bg-sky-50 ring-1 ring-sky-200' : ''}`}>
      <p className="flex items-center gap-2 text-xs text-slate-500">
        <time dateTime={since}>{formatFullDateTime(since)}</time>
        {current && <span className="rounded bg-sky-600 px-1.5 font-semibold text-white">Current</span>}
      </p>
      <p className="whitespace-pre-wrap break-words text-slate-900">{text}</p>
    </li>
  );
}

/**
 * "Edit history" of an edited message (`GET /api/messages/:id/edits`): every earlier version with the time it was
 * written, oldest first, then the text as it is now, marked "Current", with the time of the last edit. Loading,
 * failure ("Try again") and "No earlier versions." (an edit that the server did not keep) each say so.
 */
export function EditHistoryDialog({ message, onClose }: { message: Pick<Message, 'id' | 'text' | 'createdAt' | 'editedAt'>; onClose: () => void }) {
  const edits = useMessageEdits(message.id, message.editedAt);
  const versions = edits.data?.items ?? [];
  return (
    <ModalDialog title="Edit history" onClose={onClose}>
      <QueryFallback query={edits} noun="the edit history" className="" />
      {edits.isSuccess && (
        <>
          {versions.length === 0 && <p className="mb-2 text-sm text-slate-500">No earlier versions.</p>}
          <ol aria-label="Versions" className="-mx-1 flex min-h-0 flex-1 flex-col gap-1 overflow-y-auto">
            {versions.map((version, index) => (
              <Version key={`${index}-${version.replacedAt}`} text={version.text} since={version.createdAt} />
            ))}
            <Version text={message.text} since={message.editedAt ?? message.createdAt} current />
          </ol>
        </>
      )}
    </ModalDialog>
  );
}
