import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database for one test file: its URL and how to drop it. */
export interface TestDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  readonly url: string;
  drop(): Promise<void>;
}

/** The PostgreSQL server tests may use (`PARLEY_TEST_POSTGRES_URL`, set by `.ci/run`); unset skips PostgreSQL runs. */
export const postgresUrl = process.env.PARLEY_TEST_POSTGRES_URL;

/** The dialects every storage and delivery test loops over: SQLite always, PostgreSQL when configured. */
export const dialects: ('sqlite' | 'postgres')[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * A fresh, uniquely named database: an in-memory SQLite database, a SQLite file under `dir`
 * when given (for restart tests), or a new PostgreSQL database `parley_test_<random>` on the shared server.
 * In CI (`CI=true`) an unreachable PostgreSQL fails instead of skipping.
 */
export async function createTestDatabase(dialect: 'sqlite' | 'postgres', dir?: string): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    return { dialect, url: dir ? `sqlite:${dir}/parley.db` : 'sqlite::memory:', drop: () => Promise.resolve() };
  }
  if (!postgresUrl) throw new Error('PARLEY_TEST_POSTGRES_URL is not set');
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
