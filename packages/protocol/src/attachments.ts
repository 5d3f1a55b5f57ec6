import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';

/** What an attachment is, from its detected type: it sets the message's type (issue 6). */
export const AttachmentKindSchema = z.enum(['image', 'video', 'audio', 'file']);
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>;

/**
 * An uploaded file (issue 6, "Attachment"). `mime` is detected from the bytes, never taken from the client;
 * `size` is in bytes and `sha256` is the hex digest of the stored bytes (images are stored with their metadata
 * stripped). `width`/`height` (pixels) for images and videos, `durationMs` for videos and audio, when known.
 * `url` and `thumbnailUrl` are signed, short-lived URLs that work without an Authorization header (for `<img>`,
 * `<video>`), valid until `urlExpiresAt`; read the message or `GET /api/attachments/:id/meta` again for fresh ones.
 */
export const AttachmentSchema = z
  .object({
    id: IdSchema,
    kind: AttachmentKindSchema,
    name: z.string(),
    mime: z.string(),
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    width: z.number().int().min(1).optional(),
    height: z.number().int().min(1).optional(),
    durationMs: z.number().int().min(0).optional(),
    url: z.string(),
    thumbnailUrl: z.string().optional(),
    urlExpiresAt: TimestampSchema,
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;

/** `POST /api/conversations/:id/attachments` answer: the stored uploads, in the order of the request's parts. */
export const UploadResultSchema = z.object({ items: z.array(AttachmentSchema) });
export type UploadResult = z.infer<typeof UploadResultSchema>;

/** Signed-URL query of `GET /api/attachments/:id` and `…/thumbnail`: expiry (Unix seconds) and HMAC signature. */
export const SignedUrlQuerySchema = z.object({
  expires: z.coerce.number().int().min(0).optional(),
  sig: z.string().max(200).optional(),
  /** `1`: `Content-Disposition: attachment` even for images, audio and video (a download button). */
  download: z.enum(['0', '1']).optional(),
});
export type SignedUrlQuery = z.infer<typeof SignedUrlQuerySchema>;
