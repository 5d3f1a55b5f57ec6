import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** Which bytes of an attachment a URL serves. */
export type AttachmentVariant = 'file' | 'thumbnail';

/** A signed URL and when it stops working. */
export interface SignedUrl {
  /** Path and query, relative to the server's origin: `/api/attachments/<id>[/thumbnail]?expires=…&sig=…`. */
  url: string;
  /** ISO 8601. */
  expiresAt: string;
}

/**
 * Short-lived signed URLs for attachments (issue 6, "Delivery"): HMAC-SHA256 (RFC 2104) over the attachment id, the
 * variant and the expiry, so `<img>` and `<video>` tags work without an Authorization header. The expiry is rounded
 * to a third of the lifetime, so URLs made within that window are the same and browsers can cache what they fetch.
 */
export interface AttachmentUrls {
  sign(attachmentId: string, variant: AttachmentVariant, nowMs?: number): SignedUrl;
  /** True when `sig` is this server's signature of the other values and `expires` (Unix seconds) has not passed. */
  verify(attachmentId: string, variant: AttachmentVariant, expires: number, sig: string, nowMs?: number): boolean;
}

/**
 * The URL-signing key: `urlSecret` when given; otherwise HKDF-SHA256 (RFC 5869) of the token secret, so every process
 * sharing PARLEY_JWT_SECRET signs alike; otherwise random (URLs then die with the process, like dev tokens).
 */
export function urlSigningKey(urlSecret: string | undefined, jwtSecret: string | undefined): Buffer {
  if (urlSecret) return Buffer.from(urlSecret, 'utf8');
  if (jwtSecret) return Buffer.from(hkdfSync('sha256', jwtSecret, 'parley', 'attachment urls', 32));
  return randomBytes(32);
}

/** {@link AttachmentUrls} with `key` and a lifetime of `ttlS` seconds (at most 900, the 15 minutes). */
export function createAttachmentUrls(key: Buffer, ttlS: number): AttachmentUrls {
  const window = Math.max(1, Math.floor(ttlS / 3));
  const mac = (attachmentId: string, variant: AttachmentVariant, expires: number) =>
    createHmac('sha256', key).update(`${attachmentId}\n${variant}\n${expires}`).digest();

  return {
    sign(attachmentId, variant, nowMs = Date.now()) {
      const expires = Math.floor((Math.floor(nowMs / 1000) + ttlS) / window) * window;
      const sig = mac(attachmentId, variant, expires).toString('base64url');
      const path = `/api/attachments/${encodeURIComponent(attachmentId)}${variant === 'thumbnail' ? '/thumbnail' : ''}`;
      return { url: `${path}?expires=${expires}&sig=${sig}`, expiresAt: new Date(expires * 1000).toISOString() };
    },
    verify(attachmentId, variant, expires, sig, nowMs = Date.now()) {
      const now = nowMs / 1000;
      if (!Number.isSafeInteger(expires) || expires < now || expires > now + ttlS) return false;
      const given = Buffer.from(sig, 'base64url');
      const expected = mac(attachmentId, variant, expires);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
