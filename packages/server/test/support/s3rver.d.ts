// s3rver 3.7 ships no types: only what the tests use (its README, "Programmatic usage").
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    /** The address to bind (default `localhost`). */
    address?: string;
    /** The port; 0 picks a free one (default 4568). */
    port?: number;
    /** Suppress its request log. */
    silent?: boolean;
    /** Where the buckets and objects are kept on disk. */
    directory?: string;
    /** Wipe `directory` when the server closes. */
    resetOnClose?: boolean;
    /** Buckets created before the server listens. */
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    /** Creates the configured buckets and listens; resolves with the bound address. */
    run(): Promise<AddressInfo>;
    /** Stops listening. */
    close(): Promise<void>;
  }

  export = S3rver;
}
