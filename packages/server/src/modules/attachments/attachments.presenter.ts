import type { Attachment } from '@parley/protocol';
import type { AttachmentUrls } from './attachment-urls.js';
import type { AttachmentRow } from './attachments.repository.js';

/** An attachment row → the contract's `Attachment`, with freshly signed URLs (a thumbnail URL only when there is one). */
export function presentAttachment(row: AttachmentRow, urls: AttachmentUrls): Attachment {
  const file = urls.sign(row.id, 'file');
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    mime: row.mime,
    size: Number(row.size),
    sha256: row.sha256,
    ...(row.width !== null ? { width: row.width } : {}),
    ...(row.height !== null ? { height: row.height } : {}),
    ...(row.duration_ms !== null ? { durationMs: row.duration_ms } : {}),
    url: file.url,
    ...(row.thumbnail_key !== null ? { thumbnailUrl: urls.sign(row.id, 'thumbnail').url } : {}),
    urlExpiresAt: file.expiresAt,
  };
}
