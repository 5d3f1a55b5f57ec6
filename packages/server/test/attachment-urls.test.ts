import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAttachmentUrls, urlSigningKey } from '../src/modules/attachments/attachment-urls.js';

/** Issue 6, "Delivery": signed URLs (HMAC, at most 15 minutes) that fail once expired or altered. */
describe('signed attachment URLs', () => {
  const urls = createAttachmentUrls(randomBytes(32), 900);
  const at = Date.parse('2026-11-21T10:00:00Z');
  const parts = (url: string) => {
    const parsed = new URL(url, 'http://x');
    return { expires: Number(parsed.searchParams.get('expires')), sig: parsed.searchParams.get('sig') ?? '' };
  };

  it('works until it expires, 10 to 15 minutes after it was made, and not after', () => {
    const signed = urls.sign('att1', 'file', at);
    const { expires, sig } = parts(signed.url);
    expect(expires * 1000 - at).toBeGreaterThan(600_000);
    expect(expires * 1000 - at).toBeLessThanOrEqual(900_000);
    expect(signed.expiresAt).toBe(new Date(expires * 1000).toISOString());
    expect(urls.verify('att1', 'file', expires, sig, at)).toBe(true);
    expect(urls.verify('att1', 'file', expires, sig, expires * 1000)).toBe(true);
    expect(urls.verify('att1', 'file', expires, sig, expires * 1000 + 1000)).toBe(false);
  });

  it('binds the signature to the attachment, the variant, the expiry and the key', () => {
    const { expires, sig } = parts(urls.sign('att1', 'file', at).url);
    expect(urls.verify('att2', 'file', expires, sig, at)).toBe(false);
    expect(urls.verify('att1', 'thumbnail', expires, sig, at)).toBe(false);
    expect(urls.verify('att1', 'file', expires + 1, sig, at)).toBe(false);
    expect(createAttachmentUrls(randomBytes(32), 900).verify('att1', 'file', expires, sig, at)).toBe(false);
    // A far-future expiry is refused even with a matching signature (the lifetime caps it).
    const longLived = createAttachmentUrls(Buffer.from('k'.repeat(32)), 900);
    const future = parts(longLived.sign('att1', 'file', at + 3_600_000).url);
    expect(longLived.verify('att1', 'file', future.expires, future.sig, at)).toBe(false);
  });

  it('gives the same URL within a third of the lifetime, so browsers can cache it', () => {
    const first = urls.sign('att1', 'file', at);
    expect(urls.sign('att1', 'file', at + 1000).url).toBe(first.url);
  });

  it('derives the key from the token secret, so processes sharing it sign alike', () => {
    const secret = 's'.repeat(40);
    expect(urlSigningKey(undefined, secret).equals(urlSigningKey(undefined, secret))).toBe(true);
    expect(urlSigningKey('u'.repeat(32), secret).toString()).toBe('u'.repeat(32));
    expect(urlSigningKey(undefined, undefined).equals(urlSigningKey(undefined, undefined))).toBe(false);
  });
});
