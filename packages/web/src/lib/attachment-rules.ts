/**
 * What the server accepts as attachments (issue 6; server defaults `PARLEY_MAX_FILES`, `PARLEY_MAX_FILE_BYTES`), checked
 * in the composer before anything is uploaded. The server checks again by the bytes; its refusals show on the file too.
 */

/** Files per message (the server's default `PARLEY_MAX_FILES`). */
export const MAX_FILES = 5;
/** Bytes per file: 10 MB (the server's default `PARLEY_MAX_FILE_BYTES`, 10 × 1024 × 1024). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Extensions of the allowed types: JPEG, PNG, WebP, GIF; MP4, WebM, QuickTime; MP3, Ogg, M4A, WAV; PDF; DOCX, XLSX, PPTX; ZIP; text, CSV. */
const EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'webp', 'gif', 'mp4', 'm4v', 'webm', 'mov', 'mp3', 'ogg', 'oga', 'opus', 'm4a', 'wav', 'pdf', 'docx', 'xlsx', 'pptx', 'zip', 'txt', 'csv']);

/** MIME types of the same list, for files named without an extension (a pasted image, a recording). */
const MIME_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'audio/mpeg',
  'audio/ogg',
  'audio/webm',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/x-wav',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/zip',
  'application/x-zip-compressed',
  'text/plain',
  'text/csv',
]);

/** The file picker's `accept`: the allowed extensions. */
export const ACCEPT = [...EXTENSIONS].map((extension) => `.${extension}`).join(',');

/** The refusal of a file over {@link MAX_FILE_BYTES}. */
export const TOO_LARGE = 'Too large (max 10 MB)';
/** The refusal of a file of a type not on the list. */
export const UNSUPPORTED = "This type of file can't be sent";

/** A file name's extension, lower-case, without the dot; '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Why the composer refuses `file` before uploading it, or null when it may go: {@link UNSUPPORTED} when its extension
 * (or, without one, its MIME type, parameters ignored) is not on the list, {@link TOO_LARGE} above {@link MAX_FILE_BYTES}.
 */
export function fileRefusal(file: Pick<File, 'name' | 'size' | 'type'>): string | null {
  const extension = extensionOf(file.name);
  const mime = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (extension ? !EXTENSIONS.has(extension) : !MIME_TYPES.has(mime)) return UNSUPPORTED;
  if (file.size > MAX_FILE_BYTES) return TOO_LARGE;
  return null;
}

/** The notice when more than {@link MAX_FILES} files were picked: `left` of them were left out. */
export function tooManyFilesNotice(left: number): string {
  return `At most ${MAX_FILES} files per message: ${left} ${left === 1 ? 'file was' : 'files were'} left out.`;
}
