import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { access, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../src/modules/attachments/storage/local-storage.js';
import { ObjectNotFoundError, STORAGE_KEY_PATTERN, type ObjectStorage } from '../src/modules/attachments/storage/object-storage.js';
import { createS3Storage } from '../src/modules/attachments/storage/s3-storage.js';
import { startS3Server, type S3TestServer } from './support/s3.js';

/** One storage under test, with ways to look behind it. */
interface Backend {
  storage: ObjectStorage;
  /** The names of the stored objects (local: the root's entries; S3: the bucket's keys), sorted. */
  stored(): Promise<string[]>;
  /** Everything the storage could have written to (local: the root's parent, recursively; S3: the bucket), sorted. */
  everything(): Promise<string[]>;
  close(): Promise<void>;
}

/** Sorted entries of `dir`, or none when it does not exist. */
async function listDir(dir: string, recursive = false): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive })).sort();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}

/** Local storage in a fresh temporary directory: the root is `<temp>/objects`, created by the storage itself. */
async function openLocal(): Promise<Backend> {
  const parent = await mkdtemp(join(tmpdir(), 'parley-storage-'));
  const root = join(parent, 'objects');
  return {
    storage: createLocalStorage(root),
    stored: () => listDir(root),
    everything: () => listDir(parent, true),
    close: () => rm(parent, { recursive: true, force: true }),
  };
}

/** The storage under test and a plain client (to look into the bucket), both pointed at `server`. */
function connectS3(server: S3TestServer): { storage: ObjectStorage; client: S3Client } {
  const settings = { region: 'us-east-1', endpoint: server.endpoint, forcePathStyle: true };
  const credentials = { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey };
  return {
    storage: createS3Storage({ ...settings, ...credentials, bucket: server.bucket }),
    client: new S3Client({ ...settings, credentials }),
  };
}

/** S3 storage against a real s3rver started for the suite. */
async function openS3(): Promise<Backend> {
  const server = await startS3Server();
  const { storage, client } = connectS3(server);
  const keys = async () => {
    const listing = await client.send(new ListObjectsV2Command({ Bucket: server.bucket }));
    return (listing.Contents ?? []).map((object) => object.Key ?? '').sort();
  };
  return {
    storage,
    stored: keys,
    everything: keys,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}

/** A key as the server makes them: an id and a fixed suffix. */
const newKey = (suffix = 'bin') => `${randomUUID()}.${suffix}`;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** 3 MiB: above the 1 MiB and 64 KiB chunk sizes on either side, below lib-storage's 5 MiB part size. */
const FILE_SIZE = 3 * 1024 * 1024;

/** Keys no storage may accept: traversal, separators, empty, hidden files, too long (201 characters). */
const INVALID_KEYS = ['../x', 'a/b', '..', '', '.hidden', 'x'.repeat(201)];

describe.each([
  { kind: 'local', open: openLocal },
  { kind: 's3', open: openS3 },
])('$kind object storage', ({ kind, open }) => {
  let backend: Backend;
  let sources: string;

  beforeAll(async () => {
    backend = await open();
    sources = await mkdtemp(join(tmpdir(), 'parley-storage-sources-'));
  });

  afterAll(async () => {
    await backend?.close();
    if (sources) await rm(sources, { recursive: true, force: true });
  });

  /** Writes `bytes` to a new source file and returns its path. */
  async function sourceFile(bytes: Buffer): Promise<string> {
    const path = join(sources, randomUUID());
    await writeFile(path, bytes);
    return path;
  }

  /** Stores `bytes` under a new key and returns the key. */
  async function put(bytes: Buffer): Promise<string> {
    const key = newKey();
    await backend.storage.putFile(key, await sourceFile(bytes), 'application/octet-stream');
    return key;
  }

  it('says which implementation it is', () => {
    expect(backend.storage.kind).toBe(kind);
  });

  it('stores a file under its key, removes the source, and reads back the same bytes', async () => {
    const bytes = randomBytes(FILE_SIZE);
    const source = await sourceFile(bytes);
    const key = newKey();

    await backend.storage.putFile(key, source, 'application/octet-stream');

    await expect(access(source)).rejects.toMatchObject({ code: 'ENOENT' });
    const stored = await backend.stored();
    expect(stored).toContain(key);
    // No temporary or partial file is left beside the objects.
    expect(stored.filter((name) => !STORAGE_KEY_PATTERN.test(name))).toEqual([]);
    const read = await buffer(await backend.storage.read(key));
    expect(read.length).toBe(FILE_SIZE);
    expect(sha256(read)).toBe(sha256(bytes));
  });

  it('reads exactly the bytes of an inclusive range: first byte, middle, last byte', async () => {
    const bytes = randomBytes(FILE_SIZE);
    const key = await put(bytes);
    const ranges = [
      { start: 0, end: 0 },
      { start: 1_000_000, end: 1_500_123 },
      { start: FILE_SIZE - 1, end: FILE_SIZE - 1 },
    ];
    for (const range of ranges) {
      const read = await buffer(await backend.storage.read(key, range));
      expect(read.equals(bytes.subarray(range.start, range.end + 1)), `${range.start}-${range.end}`).toBe(true);
    }
  });

  it('rejects a read of an unknown key with ObjectNotFoundError', async () => {
    const key = newKey();
    const read = backend.storage.read(key);
    await expect(read).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(read).rejects.toMatchObject({ key });
    await expect(backend.storage.read(key, { start: 0, end: 9 })).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('deletes an object, after which reading it rejects with ObjectNotFoundError', async () => {
    const key = await put(randomBytes(1024));

    await backend.storage.delete(key);

    await expect(backend.storage.read(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await backend.stored()).not.toContain(key);
    await expect(backend.storage.delete(key)).resolves.toBeUndefined();
  });

  it('resolves a delete of a key that never held anything', async () => {
    await expect(backend.storage.delete(newKey())).resolves.toBeUndefined();
  });

  it.each(INVALID_KEYS)('refuses the key %j for every operation without touching anything', async (key) => {
    const source = await sourceFile(randomBytes(64));
    const before = await backend.everything();

    await expect(backend.storage.putFile(key, source, 'text/plain')).rejects.toThrow(/Invalid storage key/);
    await expect(backend.storage.read(key)).rejects.toThrow(/Invalid storage key/);
    await expect(backend.storage.delete(key)).rejects.toThrow(/Invalid storage key/);

    await expect(access(source)).resolves.toBeUndefined();
    expect(await backend.everything()).toEqual(before);
  });

  it('refuses a malformed range', async () => {
    const key = await put(randomBytes(16));
    await expect(backend.storage.read(key, { start: 5, end: 4 })).rejects.toBeInstanceOf(RangeError);
    await expect(backend.storage.read(key, { start: -1, end: 4 })).rejects.toBeInstanceOf(RangeError);
  });
});

// /dev/shm is a tmpfs on Linux: a rename from there into a root under the temp dir fails with EXDEV, so the copy path runs.
const otherDevice = '/dev/shm';
const crossDevice = await Promise.all([stat(otherDevice).catch(() => null), stat(tmpdir())]).then(
  ([other, temp]) => other !== null && other.dev !== temp.dev,
);

describe('local object storage on disk', () => {
  let parent: string;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'parley-storage-local-'));
  });

  afterAll(async () => {
    if (parent) await rm(parent, { recursive: true, force: true });
  });

  it('creates a missing root (and its missing parents) owner-only on the first put', async () => {
    const root = join(parent, 'data', 'attachments');
    const source = join(parent, 'upload');
    await writeFile(source, 'hello');

    await createLocalStorage(root).putFile('a.txt', source, 'text/plain');

    expect((await stat(root)).mode & 0o777).toBe(0o700);
    expect((await stat(join(parent, 'data'))).mode & 0o777).toBe(0o700);
    expect(await readdir(root)).toEqual(['a.txt']);
  });

  it.skipIf(!crossDevice)('moves a source from another file system by copying it, then unlinks the source', async () => {
    const shm = await mkdtemp(join(otherDevice, 'parley-storage-'));
    try {
      const bytes = randomBytes(FILE_SIZE);
      const source = join(shm, 'upload');
      await writeFile(source, bytes);
      const root = join(parent, 'cross-device');
      const storage = createLocalStorage(root);

      await storage.putFile('moved.bin', source, 'application/octet-stream');

      await expect(access(source)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await readdir(root)).toEqual(['moved.bin']);
      expect(sha256(await buffer(await storage.read('moved.bin')))).toBe(sha256(bytes));
    } finally {
      await rm(shm, { recursive: true, force: true });
    }
  });
});

describe('S3 object storage against s3rver', () => {
  let server: S3TestServer;
  let client: S3Client;
  let storage: ObjectStorage;
  let sources: string;

  beforeAll(async () => {
    server = await startS3Server();
    ({ storage, client } = connectS3(server));
    sources = await mkdtemp(join(tmpdir(), 'parley-storage-s3-'));
  });

  afterAll(async () => {
    client?.destroy();
    await server?.close();
    if (sources) await rm(sources, { recursive: true, force: true });
  });

  it('keeps the content type as object metadata', async () => {
    const source = join(sources, 'image');
    await writeFile(source, randomBytes(100));
    const key = newKey('webp');

    await storage.putFile(key, source, 'image/webp');

    const head = await client.send(new HeadObjectCommand({ Bucket: server.bucket, Key: key }));
    expect(head.ContentType).toBe('image/webp');
    expect(head.ContentLength).toBe(100);
  });

  it('stores a file larger than one part (multipart upload) intact', async () => {
    const bytes = randomBytes(12 * 1024 * 1024 + 7);
    const source = join(sources, 'large');
    await writeFile(source, bytes);
    const key = newKey();

    await storage.putFile(key, source, 'video/mp4');

    await expect(access(source)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(sha256(await buffer(await storage.read(key)))).toBe(sha256(bytes));
  });
});
