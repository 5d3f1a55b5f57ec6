import type { Attachment } from '@parley/protocol';

/** A message's images and what a click on one does. */
export interface ImageGridProps {
  images: readonly Attachment[];
  /** Opens the lightbox at this image's index. */
  onOpen: (index: number) => void;
  onLoadError: (attachmentId: string) => void;
}

/** `width / height` when known, so the layout does not jump as the image loads; 4:3 otherwise. */
function aspectOf(image: Attachment): string {
  return image.width && image.height ? `${image.width} / ${image.height}` : '4 / 3';
}

/**
 * A message's images (their thumbnails, else the full image): one is shown large in its own aspect ratio, two to
 * five in a two-column grid of squares. Each is a button "Open <name>" that opens the lightbox.
 */
export function ImageGrid({ images, onOpen, onLoadError }: ImageGridProps) {
  const single = images.length === 1;
  return (
    <div className={single ? 'mb-1' : 'mb-1 grid w-72 max-w-full grid-cols-2 gap-1'}>
      {images.map((image, index) => (
        <button
          key={image.id}
          type="button"
          onClick={() => onOpen(index)}
          aria-label={`Open ${image.name}`}
          className="block overflow-hidden rounded-lg bg-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
          style={{ aspectRatio: single ? aspectOf(image) : '1 / 1', width: single ? `min(18rem, ${image.width ?? 288}px)` : undefined }}
        >
          <img
            src={image.thumbnailUrl ?? image.url}
            alt={image.name}
            width={image.width}
            height={image.height}
            loading="lazy"
            onError={() => onLoadError(image.id)}
            className="size-full object-cover"
          />
        </button>
      ))}
    </div>
  );
}
