import type { PendingFile } from '../hooks/use-pending-files.js';
import { fileIcon, kindOfMime } from '../lib/file-icon.js';
import { FileNameAndSize } from './FileNameAndSize.js';

/** One file in the composer's tray, and what can be done about it. */
export interface PendingFileItemProps {
  item: PendingFile;
  onRemove: (key: string) => void;
  /** "Retry" beside an upload that failed for a reason worth retrying (sends again). */
  onRetry: () => void;
  /** While uploading, files cannot be removed. */
  busy: boolean;
}

/**
 * A file waiting to be sent: its preview (an image's thumbnail, else an icon), name and size, a progress bar while it
 * uploads (`progressbar` named "Uploading <name>", `aria-valuenow` 0–100), its refusal as an alert, and "Remove <name>".
 */
export function PendingFileItem({ item, onRemove, onRetry, busy }: PendingFileItemProps) {
  const { file, problem, progress } = item;
  const percent = progress === null ? null : Math.round(progress * 100);
  return (
    <li className={`flex w-56 items-center gap-2 rounded-md border px-2 py-1.5 text-xs ${problem ? 'border-red-300 bg-red-50' : 'border-slate-200 bg-white'}`}>
      {item.previewUrl ? (
        <img src={item.previewUrl} alt="" className="size-10 shrink-0 rounded object-cover" />
      ) : (
        <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded bg-slate-100 text-xl">
          {fileIcon({ name: file.name, kind: kindOfMime(file.type) })}
        </span>
      )}
      <FileNameAndSize name={file.name} size={file.size}>
        {percent !== null && (
          <div
            role="progressbar"
            aria-label={`Uploading ${file.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="mt-1 h-1.5 overflow-hidden rounded bg-slate-200"
          >
            <div className="h-full bg-sky-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
        )}
        {problem && (
          <p role="alert" className="text-red-800">
            {problem.message}{' '}
            {!problem.blocking && (
              <button type="button" onClick={onRetry} className="font-semibold underline">
                Retry
              </button>
            )}
          </p>
        )}
      </FileNameAndSize>
      <button
        type="button"
        onClick={() => onRemove(item.key)}
        disabled={busy}
        aria-label={`Remove ${file.name}`}
        className="rounded px-1.5 py-0.5 text-base leading-none text-slate-500 hover:bg-slate-200 disabled:opacity-40"
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
