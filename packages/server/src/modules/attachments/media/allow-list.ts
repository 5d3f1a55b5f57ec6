import type { AttachmentKind } from '@parley/protocol';

/** One type Parley accepts as an attachment (issue 6, "Upload validation": the allow-list). */
export interface AllowedType {
  /** The canonical MIME type stored with the attachment and served back (one per type, whatever file-type called it). */
  mime: string;
  kind: AttachmentKind;
  /** Lower-case file-name extensions, without the dot, that a declared name may carry for this type. */
  extensions: readonly string[];
  /**
   * MIME names `file-type` 21 returns for this type (checked against its `supported.js` and real files), so
   * detection maps onto the canonical `mime`. Empty for types that detection never names directly.
   */
  detectedAs: readonly string[];
  /** The ffmpeg/ffprobe demuxer to force for this container (`-f`), so the tools never re-guess the format. */
  demuxer?: string;
}

/** Every allowed type, in the order of issue 6's list (also for docs and the upload integration tests). */
export const ALLOWED_TYPES: readonly AllowedType[] = [
  { mime: 'image/jpeg', kind: 'image', extensions: ['jpg', 'jpeg'], detectedAs: ['image/jpeg'] },
  { mime: 'image/png', kind: 'image', extensions: ['png'], detectedAs: ['image/png'] },
  { mime: 'image/webp', kind: 'image', extensions: ['webp'], detectedAs: ['image/webp'] },
  { mime: 'image/gif', kind: 'image', extensions: ['gif'], detectedAs: ['image/gif'] },
  { mime: 'video/mp4', kind: 'video', extensions: ['mp4', 'm4v'], detectedAs: ['video/mp4', 'video/x-m4v'], demuxer: 'mov' },
  { mime: 'video/webm', kind: 'video', extensions: ['webm'], detectedAs: ['video/webm'], demuxer: 'matroska' },
  { mime: 'video/quicktime', kind: 'video', extensions: ['mov'], detectedAs: ['video/quicktime'], demuxer: 'mov' },
  { mime: 'audio/mpeg', kind: 'audio', extensions: ['mp3'], detectedAs: ['audio/mpeg'], demuxer: 'mp3' },
  {
    mime: 'audio/ogg',
    kind: 'audio',
    extensions: ['ogg', 'oga', 'opus'],
    detectedAs: ['audio/ogg', 'audio/ogg; codecs=opus', 'audio/opus'],
    demuxer: 'ogg',
  },
  // Never named by file-type (it calls every WebM `video/webm`): reached from `video/webm` without a video track.
  { mime: 'audio/webm', kind: 'audio', extensions: ['webm', 'weba'], detectedAs: [], demuxer: 'matroska' },
  // `mp4` too: an audio-only MP4 is M4A whatever its name says.
  { mime: 'audio/mp4', kind: 'audio', extensions: ['m4a', 'mp4'], detectedAs: ['audio/x-m4a', 'audio/mp4'], demuxer: 'mov' },
  { mime: 'audio/wav', kind: 'audio', extensions: ['wav'], detectedAs: ['audio/wav', 'audio/vnd.wave', 'audio/x-wav', 'audio/wave'], demuxer: 'wav' },
  { mime: 'application/pdf', kind: 'file', extensions: ['pdf'], detectedAs: ['application/pdf'] },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    kind: 'file',
    extensions: ['docx'],
    detectedAs: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    kind: 'file',
    extensions: ['xlsx'],
    detectedAs: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    kind: 'file',
    extensions: ['pptx'],
    detectedAs: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  },
  { mime: 'application/zip', kind: 'file', extensions: ['zip'], detectedAs: ['application/zip'] },
  // Text has no magic number: reached only when detection finds nothing and the upload is UTF-8 (see `textTypeFor`).
  { mime: 'text/plain', kind: 'file', extensions: ['txt', 'text', 'log', 'md'], detectedAs: [] },
  { mime: 'text/csv', kind: 'file', extensions: ['csv'], detectedAs: [] },
];

const byMime = new Map<string, AllowedType>(ALLOWED_TYPES.map((t) => [t.mime, t]));
const byDetected = new Map<string, AllowedType>(ALLOWED_TYPES.flatMap((t) => t.detectedAs.map((d) => [d, t] as const)));


/**
 * The allowed type for what `file-type` detected from the bytes.
 * @param detectedMime `FileTypeResult.mime` (file-type 21 names, e.g. `audio/x-m4a`, `audio/ogg; codecs=opus`).
 * @returns The type with its canonical MIME, or `undefined` when the detected type is not allowed (SVG, HTML, executables…).
 */
export function allowedTypeForDetected(detectedMime: string): AllowedType | undefined {
  return byDetected.get(detectedMime);
}

/**
 * The text type for an upload no signature matched but that is valid UTF-8 without NUL (issue 6: text is told by its name).
 * @param extension The declared name's extension (see `fileExtension`), or null for a name without one (plain text).
 * @returns `text/plain` or `text/csv`, or `undefined` for any other extension (`.html`, `.svg`, `.png`…).
 */
export function textTypeFor(extension: string | null): AllowedType | undefined {
  if (extension === null) return byMime.get('text/plain');
  return ALLOWED_TYPES.find((t) => t.mime.startsWith('text/') && t.extensions.includes(extension));
}

/**
 * The audio type a container holds when it carries no video track: a WebM voice note recorded in a browser is
 * `audio/webm`, an MP4 with sound only is `audio/mp4` (issue 6, "Processing").
 * @returns The audio type, or `undefined` for types that are not such a container.
 */
export function audioOnlyCounterpart(type: AllowedType): AllowedType | undefined {
  if (type.mime === 'video/webm') return byMime.get('audio/webm');
  if (type.mime === 'video/mp4') return byMime.get('audio/mp4');
  return undefined;
}

/**
 * The extension of a declared file name: the text after its last dot, lower-cased.
 * @param declaredName The client's file name (display only; never a path).
 * @returns The extension without the dot, or null when the name has none (`README`, `.bashrc`, `notes.`).
 */
export function fileExtension(declaredName: string): string | null {
  const base = declaredName.slice(declaredName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return null;
  return base.slice(dot + 1).toLowerCase();
}
