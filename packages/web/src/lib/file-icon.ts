import type { Attachment } from '@parley/protocol';
import { extensionOf } from './attachment-rules.js';

const BY_EXTENSION: Record<string, string> = {
  pdf: '📄',
  docx: '📝',
  xlsx: '📊',
  csv: '📊',
  pptx: '📽️',
  zip: '🗜️',
  txt: '📃',
};
const BY_KIND: Record<Attachment['kind'], string> = { image: '🖼️', video: '🎬', audio: '🎵', file: '📎' };

/** A file's icon (an emoji, decorative) by its extension, then its kind: 📄 PDF, 📝 document, 📊 sheet or CSV, 📽️ slides, 🗜️ ZIP, 📃 text. */
export function fileIcon(file: { name: string; kind: Attachment['kind'] }): string {
  return BY_EXTENSION[extensionOf(file.name)] ?? BY_KIND[file.kind];
}

/** The kind a file picked in the composer will likely be, from its MIME type (the server decides from the bytes). */
export function kindOfMime(mime: string): Attachment['kind'] {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return 'file';
}
