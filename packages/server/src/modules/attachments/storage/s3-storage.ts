import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertByteRange } from './byte-range.js';
import { assertStorageKey, ObjectNotFoundError, type ByteRange, type ObjectStorage } from './object-storage.js';

/** Where and how to reach the S3-compatible bucket that holds Parley's attachments. */
export interface S3StorageOptions {
  /** The bucket; Parley owns it, so keys are stored without a prefix. */
  bucket: string;
  /** The service URL for an S3-compatible store (MinIO, R2, s3rver); absent for AWS itself. */
  endpoint?: string;
  /** The signing region (for example `us-east-1`; most S3-compatible stores accept any). */
  region: string;
  /** Static credentials; when either is absent the SDK's default provider chain is used (env, profile, role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (`endpoint/bucket/key`) instead of virtual-hosted ones; needed by most self-hosted stores. */
  forcePathStyle: boolean;
}

/** True when the store answered that the key holds nothing (`NoSuchKey`, or a bare 404 as some stores send). */
function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey) return true;
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);
}

/** The inclusive byte span a GetObject body holds: Content-Range's on a 206, or from 0 on a whole-object 200. */
function bodySpan(contentRange: string | undefined): { start: number; end: number } {
  if (contentRange === undefined) return { start: 0, end: Number.POSITIVE_INFINITY };
  const match = /^bytes (\d+)-(\d+)\/(?:\d+|\*)$/.exec(contentRange);
  if (!match) throw new Error(`Unexpected Content-Range ${JSON.stringify(contentRange)}`);
  return { start: Number(match[1]), end: Number(match[2]) };
}

/** Yields bytes `skip` to `skip + take - 1` of `source`, then stops (leaving the loop destroys `source`). */
async function* sliceBytes(source: Readable, skip: number, take: number): AsyncGenerator<Buffer> {
  let position = 0;
  // No encoding is set on the response, so its chunks are Buffers.
  for await (const chunk of source as AsyncIterable<Buffer>) {
    const from = Math.max(0, skip - position);
    const to = Math.min(chunk.length, skip + take - position);
    position += chunk.length;
    if (from < to) yield chunk.subarray(from, to);
    if (position >= skip + take) return;
  }
}

/**
 * `body` limited to `range`. A store that honours the Range header gets its body back untouched; one that sends
 * more (the whole object with 200, or s3rver 3.7, which reads `bytes=0-0` as `bytes=0-`) is cut to the bytes
 * asked for. A body starting after `range.start` cannot serve it and is refused.
 */
function narrowToRange(body: Readable, contentRange: string | undefined, range: ByteRange): Readable {
  const span = bodySpan(contentRange);
  if (span.start === range.start && span.end <= range.end) return body;
  if (span.start > range.start) {
    body.destroy();
    throw new Error(`The store answered bytes ${contentRange} for bytes=${range.start}-${range.end}`);
  }
  return Readable.from(sliceBytes(body, range.start - span.start, range.end - range.start + 1));
}

/**
 * Object storage in an S3-compatible bucket (issue 6, "Storage"), through `@aws-sdk/client-s3`.
 *
 * - Every key passes `assertStorageKey` first; an invalid key rejects with an `Error` before any request.
 * - `putFile` streams the file from disk with `Upload` from `@aws-sdk/lib-storage` (multipart above its 5 MiB
 *   part size), stores `contentType` as the object's `Content-Type`, then unlinks the source. If the upload
 *   fails the source is kept.
 * - `read` sends `GetObject`, with `Range: bytes=start-end` (inclusive, bytes) when a range is given;
 *   `NoSuchKey` or 404 rejects with {@link ObjectNotFoundError}. A body wider than the range (a store that
 *   ignores or misreads it) is cut to the range; the range must lie within the object (a start past its end
 *   fails with the store's `InvalidRange`, HTTP 416). The promise resolves once the response headers
 *   arrived, so a missing key is known before any byte is sent on.
 * - `delete` sends `DeleteObject`, which succeeds for an unknown key.
 *
 * Checksums are computed and validated only when an operation requires them (`WHEN_REQUIRED`): the SDK's
 * default CRC32 trailers are not understood by every S3-compatible store (s3rver 3.7 stores streamed uploads
 * corrupted with them).
 *
 * @param options the bucket and how to reach it.
 * @returns an {@link ObjectStorage} with `kind: 's3'`.
 */
export function createS3Storage(options: S3StorageOptions): ObjectStorage {
  const { bucket, endpoint, region, accessKeyId, secretAccessKey, forcePathStyle } = options;
  const client = new S3Client({
    region,
    endpoint,
    forcePathStyle,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  return {
    kind: 's3',

    async putFile(key: string, sourcePath: string, contentType: string): Promise<void> {
      assertStorageKey(key);
      const body = createReadStream(sourcePath);
      try {
        await new Upload({ client, params: { Bucket: bucket, Key: key, Body: body, ContentType: contentType } }).done();
      } finally {
        body.destroy();
      }
      await unlink(sourcePath);
    },

    async read(key: string, range?: ByteRange): Promise<Readable> {
      assertStorageKey(key);
      if (range) assertByteRange(range);
      const command = new GetObjectCommand({ Bucket: bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined });
      try {
        const { Body, ContentRange } = await client.send(command);
        // In Node the SDK's body is the HTTP response itself (an IncomingMessage, a Readable).
        if (!(Body instanceof Readable)) throw new Error(`GetObject ${key} returned no readable body`);
        return range ? narrowToRange(Body, ContentRange, range) : Body;
      } catch (error) {
        if (isMissing(error)) throw new ObjectNotFoundError(key);
        throw error;
      }
    },

    async delete(key: string): Promise<void> {
      assertStorageKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
