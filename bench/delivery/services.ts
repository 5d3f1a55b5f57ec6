import { randomBytes } from 'node:crypto';
import getPort from 'get-port';
import pg from 'pg';
import { spawnCommand, stopChild } from './children.js';

/** A service the bench created for one target and removes afterwards. */
export interface BenchService {
  readonly url: string;
  /** Removes it (drops the database, stops the server); safe to call once. */
  close(): Promise<void>;
}

/** The PostgreSQL server the cross-process mode creates its databases on (`PARLEY_BENCH_POSTGRES_URL`). */
export const benchPostgresUrl = process.env.PARLEY_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function onAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `parley_bench_<random>` on `adminUrl`'s server; `close()` drops it (FORCE). */
export async function createBenchDatabase(adminUrl = benchPostgresUrl): Promise<BenchService> {
  const name = `parley_bench_${randomBytes(6).toString('hex')}`;
  await onAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), close: () => onAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

/** Starts a `redis-server` of our own on a spare port (nothing saved to disk) and resolves once it is ready. */
export async function startBenchRedis(): Promise<BenchService> {
  const port = await getPort({ host: '127.0.0.1' });
  const child = spawnCommand('redis-server', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', '']);
  const close = () => stopChild(child, 'SIGTERM', 10_000);
  const deadline = Date.now() + 10_000;
  while (!/Ready to accept connections/.test(child.output())) {
    if (child.process.exitCode !== null || Date.now() > deadline) {
      await close();
      throw new Error(`redis-server on ${port} did not start:\n${child.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, close };
}
