import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { assertByteRange } from './byte-range.js';
import { assertStorageKey, ObjectNotFoundError, type ByteRange, type ObjectStorage } from './object-storage.js';

/** Mode of the directories the storage creates: owner only, since attachments are private (POSIX permission bits). */
const DIRECTORY_MODE = 0o700;

/** True when `error` is a Node system error with this `code` (ENOENT, EXDEV, …). */
function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/**
 * Copies `sourcePath` next to `target` under a dot-prefixed temporary name (never a valid key, see
 * STORAGE_KEY_PATTERN), flushes it to disk, then renames it over `target`, so a reader sees the whole file or
 * nothing. A crash may leave the temporary file behind; it is never served.
 */
async function copyIntoPlace(sourcePath: string, target: string): Promise<void> {
  const partial = join(dirname(target), `.${randomUUID()}.partial`);
  try {
    await copyFile(sourcePath, partial);
    const handle = await open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, target);
  } catch (error) {
    await unlink(partial).catch(() => undefined);
    throw error;
  }
}

/**
 * Object storage on the local disk (issue 6, "Storage"): one file per key, directly under `rootDir`.
 *
 * - `rootDir` is resolved to an absolute path and created on the first `putFile` if missing (mode 0700).
 * - Every key passes `assertStorageKey` and its path must resolve to a direct child of the root, so no key can
 *   name a file elsewhere; an invalid key rejects with an `Error` before any file is touched.
 * - `putFile` renames the source into place (atomic on one file system). Across file systems (`EXDEV`) it copies
 *   to a temporary file beside the target, renames that into place and then unlinks the source.
 * - `read` opens the file before resolving, so an unknown key rejects with {@link ObjectNotFoundError} before any
 *   byte is sent; a range is inclusive, in bytes (Node's `createReadStream` `start`/`end`).
 * - `delete` of an unknown key resolves.
 *
 * @param rootDir the directory holding the objects (normally `<dataDir>/attachments`).
 * @returns an {@link ObjectStorage} with `kind: 'local'`.
 */
export function createLocalStorage(rootDir: string): ObjectStorage {
  const root = resolve(rootDir);

  /** The file of `key`; throws for an invalid key or one that would leave the root. */
  function pathOf(key: string): string {
    assertStorageKey(key);
    const path = resolve(root, key);
    if (dirname(path) !== root) throw new Error(`Storage key ${JSON.stringify(key)} leaves the storage root`);
    return path;
  }

  return {
    kind: 'local',

    async putFile(key: string, sourcePath: string): Promise<void> {
      const target = pathOf(key);
      await mkdir(root, { recursive: true, mode: DIRECTORY_MODE });
      try {
        await rename(sourcePath, target);
      } catch (error) {
        if (!hasCode(error, 'EXDEV')) throw error;
        await copyIntoPlace(sourcePath, target);
        await unlink(sourcePath);
      }
    },

    async read(key: string, range?: ByteRange): Promise<Readable> {
      const path = pathOf(key);
      if (range) assertByteRange(range);
      try {
        const handle = await open(path, 'r');
        // The stream closes the handle when it ends, fails or is destroyed (autoClose).
        return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      } catch (error) {
        if (hasCode(error, 'ENOENT')) throw new ObjectNotFoundError(key);
        throw error;
      }
    },

    async delete(key: string): Promise<void> {
      const path = pathOf(key);
      try {
        await unlink(path);
      } catch (error) {
        if (!hasCode(error, 'ENOENT')) throw error;
      }
    },
  };
}
