import type { Attachment } from '@parley/protocol';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { wrapTabFocus } from '../lib/focus-wrap.js';
import { downloadUrl, formatBytes } from '../lib/format-media.js';

/** The images the lightbox pages through, the one it opens at, and its way out. */
export interface ImageLightboxProps {
  images: readonly Attachment[];
  startIndex: number;
  onClose: () => void;
  onLoadError: (attachmentId: string) => void;
}

const BUTTON = 'rounded bg-white/10 px-3 py-1.5 text-sm text-white hover:bg-white/20 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-300';

/**
 * A message's images, one at a time at full size, over a dark backdrop (WAI-ARIA dialog pattern: role "dialog" with
 * `aria-modal`, named by the image's name): "Previous image" and "Next image" (and the arrow keys) between them,
 * "Download" (the file with `download=1`), "Close" (or Escape, or a click on the backdrop). Focus starts on "Close",
 * stays inside (Tab wraps around) and returns to the opener.
 */
export function ImageLightbox({ images, startIndex, onClose, onLoadError }: ImageLightboxProps) {
  const [index, setIndex] = useState(startIndex);
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    close.current?.focus();
    return () => opener?.focus();
  }, [opener]);
  const image = images[index];
  if (!image) return null;
  const several = images.length > 1;
  const go = (step: number) => setIndex((current) => (current + step + images.length) % images.length);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    wrapTabFocus(event);
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowLeft' && several) go(-1);
    else if (event.key === 'ArrowRight' && several) go(1);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onClick={(event) => event.target === event.currentTarget && onClose()}
      className="fixed inset-0 z-50 flex flex-col items-center justify-center gap-3 bg-slate-950/90 p-4"
    >
      <div className="flex w-full max-w-5xl items-center gap-2 text-white">
        <h2 id={titleId} className="min-w-0 flex-1 truncate text-sm font-medium">
          {image.name}
          <span className="ml-2 font-normal text-slate-300">
            {formatBytes(image.size)}
            {several && ` · ${index + 1} of ${images.length}`}
          </span>
        </h2>
        <a href={downloadUrl(image.url)} download={image.name} className={BUTTON}>
          Download
        </a>
        <button ref={close} type="button" onClick={onClose} className={BUTTON}>
          Close
        </button>
      </div>
      <img
        key={image.id}
        src={image.url}
        alt={image.name}
        width={image.width}
        height={image.height}
        onError={() => onLoadError(image.id)}
        className="max-h-[80vh] max-w-full object-contain"
        style={{ height: 'auto' }}
      />
      {several && (
        <div className="flex gap-2">
          <button type="button" onClick={() => go(-1)} className={BUTTON}>
            Previous image
          </button>
          <button type="button" onClick={() => go(1)} className={BUTTON}>
            Next image
          </button>
        </div>
      )}
    </div>
  );
}
