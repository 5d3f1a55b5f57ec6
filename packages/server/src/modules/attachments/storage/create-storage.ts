import { join } from 'node:path';
import { createLocalStorage } from './local-storage.js';
import type { ObjectStorage } from './object-storage.js';
import { createS3Storage, type S3StorageOptions } from './s3-storage.js';

/** What {@link createStorage} needs from the configuration (issue 6, "Storage"). */
export interface StorageSettings {
  /** Parley's data directory (`PARLEY_DATA_DIR`); local objects live in its `attachments` folder. */
  dataDir: string;
  /** The S3-compatible bucket, or null to keep attachments on the local disk. */
  s3: null | S3StorageOptions;
}

/**
 * The attachment storage the settings ask for: S3 when a bucket is set, else files under `<dataDir>/attachments`
 * (created on first write, mode 0700).
 *
 * @param config the storage part of the server configuration.
 * @returns an {@link ObjectStorage} (`kind` says which); nothing is created or contacted until first use.
 */
export function createStorage(config: StorageSettings): ObjectStorage {
  if (config.s3?.bucket) return createS3Storage(config.s3);
  return createLocalStorage(join(config.dataDir, 'attachments'));
}
