import type { Attachment } from '@parley/protocol';
import { isVoiceNote } from '../lib/attachment-summary.js';
import { formatDuration } from '../lib/format-media.js';

/** A video or an audio attachment and what to do when its URL fails. */
export interface MediaPlayerProps {
  media: Attachment;
  onLoadError: (attachmentId: string) => void;
}

/**
 * A video (`<video controls preload=metadata>` with its poster, sized by its width and height) or an audio file
 * (`<audio controls>` under its name, or "Voice note", and its duration), named by the file for screen readers.
 */
export function MediaPlayer({ media, onLoadError }: MediaPlayerProps) {
  const onError = () => onLoadError(media.id);
  if (media.kind === 'video') {
    return (
      <video
        controls
        preload="metadata"
        src={media.url}
        poster={media.thumbnailUrl}
        aria-label={media.name}
        onError={onError}
        className="mb-1 w-72 max-w-full rounded-lg bg-black"
        style={{ aspectRatio: media.width && media.height ? `${media.width} / ${media.height}` : '16 / 9' }}
      />
    );
  }
  return (
    <div className="mb-1 w-72 max-w-full">
      <p className="mb-0.5 flex gap-2 text-xs opacity-90">
        <span className="truncate">{isVoiceNote(media) ? '🎤 Voice note' : media.name}</span>
        {media.durationMs !== undefined && <span className="tabular-nums">{formatDuration(media.durationMs)}</span>}
      </p>
      <audio controls preload="metadata" src={media.url} aria-label={media.name} onError={onError} className="w-full" />
    </div>
  );
}
