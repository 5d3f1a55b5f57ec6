import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { pipeline } from 'node:stream/promises';
import { payloadTooLarge } from '../../errors.js';
import { newId } from '../../ids.js';

/** A file received to disk: where, how big (bytes), its SHA-256 (hex), and whether it reads as UTF-8 text without NUL. */
export interface ReceivedFile {
  path: string;
  size: number;
  sha256: string;
  utf8Text: boolean;
}

/**
 * Streams `source` into a new file in `dir` (mode 0600) without holding it in memory, counting, hashing and checking
 * it for text on the way. Throws `PAYLOAD_TOO_LARGE` as soon as more than `maxBytes` arrive (issue 6, "Upload"); the
 * partial file is then left for the caller to remove with the directory's other temporaries.
 */
export async function receiveUpload(source: Readable, dir: string, maxBytes: number, name: string): Promise<ReceivedFile> {
  const path = join(dir, newId());
  const meter = createMeter(maxBytes, name);
  await pipeline(source, meter.stream, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  return { path, ...meter.result() };
}

/** The size (bytes) and SHA-256 (hex) of a file on disk, read as a stream. */
export async function digestFile(path: string): Promise<{ size: number; sha256: string }> {
  const meter = createMeter(Number.MAX_SAFE_INTEGER, path);
  await pipeline(createReadStream(path), meter.stream, async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) void chunk;
  });
  const { size, sha256 } = meter.result();
  return { size, sha256 };
}

function createMeter(maxBytes: number, name: string) {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let size = 0;
  let utf8Text = true;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(payloadTooLarge(`${name} is larger than ${maxBytes} bytes`, maxBytes));
        return;
      }
      hash.update(chunk);
      if (utf8Text) utf8Text = isUtf8Chunk(decoder, chunk);
      done(null, chunk);
    },
  });
  return {
    stream,
    result: () => ({ size, sha256: hash.digest('hex'), utf8Text: utf8Text && isUtf8End(decoder) }),
  };
}

function isUtf8Chunk(decoder: TextDecoder, chunk: Buffer): boolean {
  if (chunk.includes(0)) return false;
  try {
    decoder.decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function isUtf8End(decoder: TextDecoder): boolean {
  try {
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
