import { formatFullDateTime } from '../lib/format-time.js';

/** "edited" beside the time, the time of the edit in its tooltip; a button opening the edit history when it can. */
export function EditedMark({ editedAt, onShowEdits }: { editedAt: string; onShowEdits: (() => void) | undefined }) {
  const title = `Edited ${formatFullDateTime(editedAt)}`;
  if (!onShowEdits) return <span title={title}>edited</span>;
  return (
    <button type="button" aria-haspopup="dialog" title={`${title}: show the edit history`} onClick={onShowEdits} className="underline decoration-dotted hover:text-slate-700">
      edited
    </button>
  );
}
