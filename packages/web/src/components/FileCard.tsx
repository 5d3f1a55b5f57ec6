import type { Attachment } from '@parley/protocol';
import { fileIcon } from '../lib/file-icon.js';
import { downloadUrl } from '../lib/format-media.js';
import { FileNameAndSize } from './FileNameAndSize.js';

/** A file that is not shown inline (PDF, document, archive, text): a `group` named by the file, with its icon, name, size and "Download". */
export function FileCard({ file }: { file: Attachment }) {
  return (
    <div role="group" aria-label={file.name} className="mb-1 flex w-64 max-w-full items-center gap-2 rounded-lg bg-white/90 px-2 py-1.5 text-sm text-slate-900 ring-1 ring-slate-200">
      <span aria-hidden="true" className="text-2xl">
        {fileIcon(file)}
      </span>
      <FileNameAndSize name={file.name} size={file.size} />
      <a href={downloadUrl(file.url)} download={file.name} aria-label={`Download ${file.name}`} className="rounded px-2 py-1 text-xs font-semibold text-sky-700 hover:bg-sky-50">
        Download
      </a>
    </div>
  );
}
