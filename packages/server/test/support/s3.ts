import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** A running s3rver (an S3-compatible store in this process) and what a client needs to reach it. */
export interface S3TestServer {
  /** `http://127.0.0.1:<port>`; use it with `forcePathStyle: true`. */
  readonly endpoint: string;
  /** A bucket that exists from the start. */
  readonly bucket: string;
  /** s3rver's fixed credentials (it checks request signatures against them). */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

/**
 * Starts s3rver on 127.0.0.1 on a port the system picks (port 0, so no race for it), silent, keeping its objects in
 * a fresh temporary directory, with the bucket `parley-test`. Call `close()` in afterAll.
 */
export async function startS3Server(): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'parley-s3rver-'));
  const bucket = 'parley-test';
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  try {
    const { port } = await server.run();
    return {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      async close() {
        await server.close();
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
