import type { Attachment } from '@parley/protocol';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useFreshAttachments } from '../hooks/use-fresh-attachments.js';
import { FileCard } from './FileCard.js';
import { ImageGrid } from './ImageGrid.js';
import { ImageLightbox } from './ImageLightbox.js';
import { MediaPlayer } from './MediaPlayer.js';

/**
 * A message's attachments in a bubble (issue 6): its images as a grid opening a lightbox, its videos and audio as
 * players, other files as cards. URLs that fail to load are renewed once ({@link useFreshAttachments}).
 */
export function MessageAttachments({ attachments }: { attachments: readonly Attachment[] }) {
  const { items, onLoadError } = useFreshAttachments(attachments);
  const [open, setOpen] = useState<number | null>(null);
  const images = items.filter((item) => item.kind === 'image');
  const media = items.filter((item) => item.kind === 'video' || item.kind === 'audio');
  const files = items.filter((item) => item.kind === 'file');
  return (
    <div>
      {images.length > 0 && <ImageGrid images={images} onOpen={setOpen} onLoadError={onLoadError} />}
      {media.map((item) => (
        <MediaPlayer key={item.id} media={item} onLoadError={onLoadError} />
      ))}
      {files.map((item) => (
        <FileCard key={item.id} file={item} />
      ))}
      {/* Outside the thread's live log, so that the dialog is not announced with it. */}
      {open !== null && createPortal(<ImageLightbox images={images} startIndex={open} onClose={() => setOpen(null)} onLoadError={onLoadError} />, document.body)}
    </div>
  );
}
