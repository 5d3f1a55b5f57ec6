import { create as contentDisposition } from 'content-disposition';
import parseRange from 'range-parser';
import type { AttachmentVariant } from './attachment-urls.js';
import type { AttachmentRow } from './attachments.repository.js';
import type { ByteRange } from './storage/object-storage.js';

/** How to answer a request for an attachment's bytes, before reading them. */
export interface DeliveryPlan {
  status: 200 | 206 | 304 | 416;
  headers: Record<string, string>;
  /** The bytes to send: all of them when absent (for 200), none for 304 and 416. */
  range?: ByteRange;
  send: boolean;
}

/** What a request asks for: `Range`, `If-None-Match`, and `download=1` (a download button). */
export interface DeliveryRequest {
  range: string | undefined;
  ifNoneMatch: string | undefined;
  download: boolean;
}

/** Types a browser shows inline (issue 6: "except for images, audio and video shown inline"). */
const INLINE_KINDS = new Set(['image', 'video', 'audio']);

/**
 * The response to a request for an attachment (issue 6, "Delivery"): `Content-Type` from the detected type,
 * `Content-Disposition` with an RFC 6266 file name (`attachment`, or `inline` for images, audio and video),
 * `X-Content-Type-Options: nosniff`, `Content-Security-Policy: sandbox`, a strong ETag from the SHA-256 (RFC 9110
 * § 8.8.3; 304 when it matches `If-None-Match`), private caching, and one byte range of the file (RFC 9110 § 14:
 * 206 with `Content-Range`, 416 when unsatisfiable; several ranges are answered with the whole file).
 * Ranges apply to the file, whose stored size (`row.size`, bytes) bounds them; thumbnails (size not stored) are
 * always answered whole. `cacheSeconds` is the `max-age` (s), the signed URLs' lifetime.
 */
export function planDelivery(row: AttachmentRow, variant: AttachmentVariant, request: DeliveryRequest, cacheSeconds: number): DeliveryPlan {
  const thumbnail = variant === 'thumbnail';
  const etag = `"${row.sha256}${thumbnail ? '-thumb' : ''}"`;
  const mime = thumbnail ? 'image/webp' : row.mime;
  const inline = thumbnail || (INLINE_KINDS.has(row.kind) && !request.download);
  const headers: Record<string, string> = {
    'content-type': mime.startsWith('text/') ? `${mime}; charset=utf-8` : mime,
    'content-disposition': contentDisposition(thumbnail ? `${baseName(row.name)}.webp` : row.name, { type: inline ? 'inline' : 'attachment' }),
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
    'cache-control': `private, max-age=${cacheSeconds}`,
    etag,
  };
  if (request.ifNoneMatch?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) return { status: 304, headers, send: false };
  if (thumbnail) return { status: 200, headers, send: true };

  const size = Number(row.size);
  headers['accept-ranges'] = 'bytes';
  const ranges = request.range ? parseRange(size, request.range, { combine: true }) : -2;
  if (ranges === -1) return { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` }, send: false };
  const [only] = ranges === -2 ? [] : ranges;
  if (only && ranges !== -2 && ranges.length === 1 && ranges.type === 'bytes') {
    return {
      status: 206,
      headers: { ...headers, 'content-range': `bytes ${only.start}-${only.end}/${size}`, 'content-length': String(only.end - only.start + 1) },
      range: { start: only.start, end: only.end },
      send: true,
    };
  }
  return { status: 200, headers: { ...headers, 'content-length': String(size) }, send: true };
}

function baseName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
