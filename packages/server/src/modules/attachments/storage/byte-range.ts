import type { ByteRange } from './object-storage.js';

/**
 * Throws a `RangeError` unless `range` is a well-formed inclusive byte range: integer `start` ≥ 0 and integer
 * `end` ≥ `start` (RFC 9110 § 14.1.2). Whether it lies within the object is the caller's check, against the
 * stored size (a range past the end reads short on disk and fails on S3).
 */
export function assertByteRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${end}`);
  }
}
