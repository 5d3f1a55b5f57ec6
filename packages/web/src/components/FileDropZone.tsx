import { useRef, useState, type DragEvent, type ReactNode } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes('Files');
}

/**
 * Where files can be dropped to attach them (the thread): while files are dragged over it, a dashed overlay says
 * "Drop files to attach"; dropped files go to `onFiles`. Does nothing while `disabled`.
 */
export function FileDropZone({ onFiles, disabled, children }: { onFiles: (files: File[]) => void; disabled: boolean; children: ReactNode }) {
  const [over, setOver] = useState(false);
  // dragenter and dragleave fire for every child crossed: the overlay goes only when the count is back to 0.
  const depth = useRef(0);
  const accept = (event: DragEvent) => {
    if (disabled || !carriesFiles(event)) return false;
    event.preventDefault();
    return true;
  };
  return (
    <div
      className="relative flex min-h-0 flex-1 flex-col"
      onDragEnter={(event) => {
        if (!accept(event)) return;
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={accept}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(event) => {
        if (!accept(event)) return;
        depth.current = 0;
        setOver(false);
        onFiles([...event.dataTransfer.files]);
      }}
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-2 flex items-center justify-center rounded-xl border-2 border-dashed border-sky-500 bg-sky-50/90 text-sm font-medium text-sky-800">
          Drop files to attach
        </div>
      )}
    </div>
  );
}
