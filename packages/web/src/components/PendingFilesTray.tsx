import type { PendingFiles } from '../hooks/use-pending-files.js';
import { PendingFileItem } from './PendingFileItem.js';

/**
 * The files waiting above the composer (a `list` "Files to send"), and the notice when picked files were left out
 * (more than 5). Nothing when the tray is empty and there is no notice.
 */
export function PendingFilesTray({ files, onRetry }: { files: PendingFiles; onRetry: () => void }) {
  if (files.files.length === 0 && !files.notice) return null;
  return (
    <div className="mb-2">
      {files.notice && (
        <p role="alert" className="mb-1 text-xs text-red-800">
          {files.notice}
        </p>
      )}
      <ul aria-label="Files to send" className="flex flex-wrap gap-2">
        {files.files.map((item) => (
          <PendingFileItem key={item.key} item={item} onRemove={files.remove} onRetry={onRetry} busy={files.uploading} />
        ))}
      </ul>
    </div>
  );
}
