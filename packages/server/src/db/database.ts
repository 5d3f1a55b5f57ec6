import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, PostgresAdapter, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** A Kysely instance or an open transaction: what repositories take first (CONVENTIONS rule 5). */
export type Db = Kysely<Database> | Transaction<Database>;

/** An open database and the dialect behind it. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** Closes every connection. */
  destroy(): Promise<void>;
}

// PostgreSQL int8 (bigint, count(*)) arrives as a string by default; our amounts stay below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /**
   * Told when a PostgreSQL connection fails outside a query (server restart, failover, a proxy's idle timeout,
   * `pg_terminate_backend`), idle in the pool or checked out between statements. The pool drops that connection
   * and the next query opens a new one, so this is for logging only. Default: ignore.
   */
  onIdleConnectionError?: (error: Error) => void;
}

/**
 * Opens the database named by `url`: `sqlite:<path>` (created with its folder if missing),
 * `sqlite::memory:`, or `postgres://…`. SQLite runs in WAL mode with `synchronous=FULL`, so a committed
 * transaction is on disk before it is acknowledged (SQLite docs, "PRAGMA synchronous").
 */
export function openDatabase(url: string, options: OpenDatabaseOptions = {}): DatabaseHandle {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options.onIdleConnectionError ?? (() => undefined));
  throw new Error(`Unsupported database URL: ${url}`);
}

function openSqlite(path: string): DatabaseHandle {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  if (!memory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's built-in lower() folds ASCII only ("lower(X)" in the SQLite docs); PostgreSQL's folds all of
  // Unicode. Replace it so case-insensitive search (`lower(name) like …`) agrees on both dialects.
  // Like the built-in: NULL stays NULL, numbers become text, blobs pass through.
  sqlite.function('lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : typeof value === 'number' || typeof value === 'bigint' ? String(value) : value,
  );
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

/** How many prepared statements {@link withStatementCache} keeps (distinct SQL texts, least recently used dropped first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew, and preparing (parsing and planning) cost as much as
 * running the statements in the delivery benchmark's profile (bench/README.md). better-sqlite3 statements
 * are reusable ("Statement" in its API docs), so keep the most recently used ones by SQL text. Kysely only
 * calls `all`, `run` and `iterate` on them, each with its own parameters.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql); // re-inserted below: Map order is recency order
      } else {
        statement = sqlite.prepare(sql);
        const oldest = statements.size >= STATEMENT_CACHE_SIZE ? statements.keys().next().value : undefined;
        if (oldest !== undefined) statements.delete(oldest);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

function openPostgres(connectionString: string, onIdleConnectionError: (error: Error) => void): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // pg-pool re-emits an idle client's error on the pool; with no listener Node throws it and the
  // process dies (node-postgres docs, "Pool › events › error": always attach an error listener).
  pool.on('error', onIdleConnectionError);
  // A connection that fails while checked out (between two statements of a transaction, say) emits `error` on
  // its client, where pg-pool listens no longer; without a listener Node throws it. The statement in flight, or
  // the next one, fails on its own and the pool discards the client (node-postgres docs, "Client › events › error").
  pool.on('connect', (client) => client.on('error', onIdleConnectionError));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', destroy: () => db.destroy() };
}

/**
 * True when `error` is a unique-constraint violation: SQLite's `SQLITE_CONSTRAINT_UNIQUE` /
 * `SQLITE_CONSTRAINT_PRIMARYKEY`, PostgreSQL's SQLSTATE `23505`.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True when `db` (a Kysely instance or transaction, of any schema) talks to PostgreSQL. */
export function isPostgres(db: Pick<Kysely<unknown>, 'getExecutor'>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Runs `work` while holding a named lock that every Parley process on the same database respects, so start-up steps
 * such as seeding the demo workspace happen once when several processes start together (issue 8). On PostgreSQL: a
 * session advisory lock (`pg_advisory_lock(hashtext(name))`) on one dedicated connection, which `work` receives as
 * its database (so its own transactions run on that connection); released when `work` ends or fails. On SQLite, one
 * process owns the file: `work` simply runs.
 */
export async function withStartupLock<T>(database: DatabaseHandle, name: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (database.dialect !== 'postgres') return work(database.db);
  return database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext(${name}))`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(connection);
    }
  });
}
