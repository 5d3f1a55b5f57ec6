import type { ReactNode } from 'react';
import { formatBytes } from '../lib/format-media.js';

/** A file's name (cut with an ellipsis, whole in its tooltip) over its size ("2.4 MB"), and `children` under them. */
export function FileNameAndSize({ name, size, children }: { name: string; size: number; children?: ReactNode }) {
  return (
    <div className="min-w-0 flex-1">
      <p className="truncate font-medium" title={name}>
        {name}
      </p>
      <p className="text-xs text-slate-500">{formatBytes(size)}</p>
      {children}
    </div>
  );
}
