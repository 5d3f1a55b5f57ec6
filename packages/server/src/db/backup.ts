import { existsSync, realpathSync } from 'node:fs';
import { link, open, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';

/** A backup that cannot be made; its message is one line for the operator (never a secret). */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** What {@link backupSqlite} did. */
export interface BackupResult {
  /** The SQLite file that was copied (absolute). */
  readonly source: string;
  /** The backup written (absolute). */
  readonly destination: string;
  /** Pages copied, and the copy's size in bytes (pages × page size). */
  readonly pages: number;
  readonly bytes: number;
}

/**
 * Pages per step after the first: all of them. better-sqlite3 copies 100 pages per turn of the event loop by default,
 * and a write through another connection (the running server) between two steps restarts the backup ("Database#backup"
 * in docs/api.md of the better-sqlite3 repository; the npm package ships no docs). Copying the rest in one step reads
 * one snapshot, which in WAL mode never blocks the server's writers (SQLite docs, "Write-Ahead Logging" § Concurrency).
 * 0x7fffffff is the largest rate it accepts (lib/methods/backup.js).
 */
const ALL_PAGES = 0x7fff_ffff;

/**
 * Copies the SQLite database named by `databaseUrl` (`sqlite:<path>`) to `destination` with SQLite's online backup API
 * (`sqlite3_backup_*`, through better-sqlite3's `Database#backup`), while a server may keep writing to it: the copy is
 * one consistent snapshot. It is written beside `destination` first and then moved into place, so a failed backup never
 * leaves a partial file there.
 *
 * @param databaseUrl the `PARLEY_DATABASE_URL` in effect; a PostgreSQL URL is refused before any connection (use pg_dump).
 * @param destination the backup file to write; its directory must exist.
 * @param options `force` replaces an existing `destination`; without it an existing file is refused.
 * @returns the source, the destination and the size of the copy.
 * @throws {@link BackupError} for a PostgreSQL or in-memory database, a missing database file, a missing destination
 *   directory, an existing destination without `force`, or a destination that is the database itself.
 */
export async function backupSqlite(databaseUrl: string, destination: string, options: { force: boolean }): Promise<BackupResult> {
  const source = sourcePath(databaseUrl);
  const target = resolve(destination);
  if (!existsSync(dirname(target))) throw new BackupError(`the folder of ${target} does not exist`);
  if (sameFile(source, target)) throw new BackupError(`${target} is the database itself; choose another file`);
  if (existsSync(target) && !options.force) throw new BackupError(`${target} exists; pass --force to replace it`);

  // Nothing is written through this connection. It opens the file as the server does (read-write, WAL), so it reads
  // the server's committed transactions from the -wal file whether or not the server is running.
  const db = openSource(source);
  const partial = `${target}.partial-${process.pid}`;
  try {
    const { totalPages } = await db.backup(partial, { progress: () => ALL_PAGES });
    const pageSize = db.pragma('page_size', { simple: true }) as number; // `simple` returns the first column: an integer here
    await moveIntoPlace(partial, target, options.force);
    return { source, destination: target, pages: totalPages, bytes: totalPages * pageSize };
  } finally {
    db.close();
    await rm(partial, { force: true });
  }
}

/** The file behind a `sqlite:<path>` URL; anything else is refused with a pointer to the right tool. */
function sourcePath(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new BackupError(
      'parley backup copies SQLite databases only; PARLEY_DATABASE_URL is PostgreSQL: back it up with pg_dump -Fc (docs/deploy.md, "Backup and restore")',
    );
  }
  if (!databaseUrl.startsWith('sqlite:')) throw new BackupError('PARLEY_DATABASE_URL is not a SQLite database');
  const path = databaseUrl.slice('sqlite:'.length);
  if (path === ':memory:') throw new BackupError('PARLEY_DATABASE_URL is sqlite::memory:, which lives inside the server process: nothing to back up');
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new BackupError(`no SQLite database at ${absolute} (PARLEY_DATABASE_URL, or PARLEY_DATA_DIR/parley.db)`);
  return absolute;
}

function openSource(path: string): SQLite.Database {
  const db = new SQLite(path, { fileMustExist: true });
  // The server may hold the write lock for a moment when the snapshot starts (its own busy_timeout is 5 s too).
  db.pragma('busy_timeout = 5000');
  return db;
}

/** True when `a` and `b` name the same existing file (through links and relative parts). */
function sameFile(a: string, b: string): boolean {
  if (!existsSync(b)) return false;
  return realpathSync(a) === realpathSync(b);
}

/**
 * Moves the finished copy to `target`: `rename` replaces an existing file (`force`); `link` fails with EEXIST instead,
 * so a file that appeared meanwhile is never replaced without `--force`. The folder is then synced, so the new name
 * survives a crash (fsync(2) on a directory).
 */
async function moveIntoPlace(partial: string, target: string, force: boolean): Promise<void> {
  if (force) {
    await rename(partial, target);
  } else {
    try {
      await link(partial, target);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'EEXIST') throw new BackupError(`${target} exists; pass --force to replace it`);
      throw error;
    }
  }
  const folder = await open(dirname(target), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** The command's one line of output: what was copied where, and its size in MiB. */
export function describeBackup(result: BackupResult): string {
  const mib = (result.bytes / 1024 / 1024).toFixed(1);
  return `backed up ${result.source} to ${result.destination} (${result.pages} pages, ${mib} MiB)`;
}
