import type { AttachmentKind } from '@parley/protocol';

/** What an upload turned out to be, once its bytes were read (issue 6, "Processing"). */
export interface InspectedMedia {
  /** The detected MIME type, from the allow-list (never the client's). */
  mime: string;
  kind: AttachmentKind;
  /** Pixels, for images and videos when known. */
  width?: number;
  height?: number;
  /** For videos and audio when known, in ms. */
  durationMs?: number;
  /**
   * A file to store instead of the upload (images re-encoded with orientation applied and EXIF/GPS stripped), in
   * the same directory as the upload; absent when the upload is stored as it came.
   */
  sanitizedPath?: string;
  /** A WebP thumbnail (images: 320 px on the longer side, never enlarged; videos: a poster frame) in the same directory. */
  thumbnailPath?: string;
}

/** Facts gathered while the upload streamed in, used where the bytes alone cannot tell the type. */
export interface UploadFacts {
  /** The client's file name (display only; never a path). */
  declaredName: string;
  /** True when every byte was valid UTF-8 without NUL: a candidate for `text/plain` or `text/csv`. */
  utf8Text: boolean;
}

/** Where the media tools are; null disables them (videos then get no poster, duration or dimensions from ffprobe). */
export interface MediaTools {
  ffmpegPath: string | null;
  ffprobePath: string | null;
}
