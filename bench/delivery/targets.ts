import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import { spawnTsx, stopChild, waitForHttp, type Child } from './children.js';
import { relayConversations, setupParley } from './parley-setup.js';
import { createBenchDatabase, startBenchRedis } from './services.js';
import type { BenchConversation, TargetKind } from './wire.js';

/** A running target with its workload created. */
export interface RunningTarget {
  readonly kind: TargetKind;
  /** The first (or only) process; the workload was created through it. */
  readonly url: string;
  /** The first (or only) process. */
  readonly child: Child;
  /** Every process of the target. */
  readonly children: Child[];
  readonly conversations: BenchConversation[];
  /** Setup time: start-up plus creating users and conversations (ms). */
  readonly setupMs: number;
  /** Stops the processes (gracefully, so a CPU profile is written) and removes their temporary files, database and Redis. */
  stop(): Promise<void>;
}

/** What a target needs to start. */
export interface TargetOptions {
  conversations: number;
  room: number;
  setupConcurrency: number;
  /** Directory for `node --cpu-prof` output of the Parley process; unset: no profile. */
  cpuProfileDir?: string;
  /** Extra settings for the Parley process (e.g. meeting provider credentials). */
  env?: Record<string, string>;
}

/**
 * How Parley runs: SQLite and one process (the default), or PostgreSQL (a fresh `parley_bench_<random>` database,
 * dropped at the end) with `processes` processes, on a Redis of our own when `redis` (`PARLEY_REDIS_URL`).
 */
export interface ParleyDeployment {
  database: 'sqlite' | 'postgres';
  processes: number;
  redis: boolean;
}

const SQLITE_SINGLE: ParleyDeployment = { database: 'sqlite', processes: 1, redis: false };

/** The environment a child starts from: ours without Parley settings and NODE_OPTIONS. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('PARLEY_') || key === 'PORT' || key === 'HOST' || key === 'NODE_OPTIONS') delete env[key];
  return env;
}

/**
 * Cross-process placement: conversation c's first member (its only sender) connects to process c mod P and every
 * other member to process (c + 1) mod P, so each delivery to another participant crosses the Redis adapter.
 */
export function placeAcross(conversations: readonly BenchConversation[], urls: readonly string[]): BenchConversation[] {
  return conversations.map((conversation, c) => ({
    ...conversation,
    members: conversation.members.map((member, m) => ({ ...member, url: urls[(c + (m === 0 ? 0 : 1)) % urls.length] ?? urls[0] ?? '' })),
  }));
}

/** Runs `close` of every service in reverse order, whatever fails. */
async function closeAll(closers: (() => Promise<void>)[]): Promise<void> {
  for (const close of closers.reverse()) await close().catch((error: unknown) => console.error(error instanceof Error ? error.message : error));
}

/**
 * Starts Parley (`parley start`) with every message persisted, no send limit and warn-level logs: by default one process
 * on SQLite in a temporary directory (WAL, synchronous=FULL as the server configures it); or as `deployment` says
 * (PostgreSQL, several processes, Redis). Then creates the workload through the API of the first process; with more than
 * one process the members are spread over them ({@link placeAcross}).
 */
export async function startParley(options: TargetOptions, deployment: ParleyDeployment = SQLITE_SINGLE, kind: TargetKind = 'parley'): Promise<RunningTarget> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-'));
  const closers: (() => Promise<void>)[] = [() => rm(dir, { recursive: true, force: true })];
  const children: Child[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => stopChild(child, 'SIGINT', 30_000)));
    await closeAll(closers);
  };
  try {
    const secret = randomBytes(32).toString('base64url');
    const env: NodeJS.ProcessEnv = {
      ...baseEnv(),
      HOST: '127.0.0.1',
      PARLEY_DATA_DIR: dir,
      PARLEY_DATABASE_URL: `sqlite:${join(dir, 'parley.db')}`,
      PARLEY_JWT_SECRET: secret,
      PARLEY_SEND_RATE: '0',
      PARLEY_LOG_LEVEL: 'warn',
      ...options.env,
    };
    if (deployment.database === 'postgres') {
      const database = await createBenchDatabase();
      closers.push(() => database.close());
      env.PARLEY_DATABASE_URL = database.url;
    }
    if (deployment.redis) {
      const redis = await startBenchRedis();
      closers.push(() => redis.close());
      env.PARLEY_REDIS_URL = redis.url;
    }
    const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
    const urls: string[] = [];
    // One at a time: the first migrates the database, the others find it up to date.
    for (let i = 0; i < Math.max(1, deployment.processes); i += 1) {
      const port = await getPort({ host: '127.0.0.1' });
      const child = spawnTsx(deployment.processes > 1 ? `parley ${i}` : 'parley', nodeArgs, 'packages/server/src/cli.ts', ['start'], { ...env, PORT: String(port) });
      children.push(child);
      const url = `http://127.0.0.1:${port}`;
      await waitForHttp(`${url}/api/health`, child);
      urls.push(url);
    }
    const [url = ''] = urls;
    const [child] = children;
    if (!child) throw new Error('no Parley process started');
    const created = await setupParley({ url, secret, conversations: options.conversations, room: options.room, concurrency: options.setupConcurrency });
    const conversations = urls.length > 1 ? placeAcross(created, urls) : created;
    return { kind, url, child, children, conversations, setupMs: performance.now() - started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Starts the raw Socket.IO relay (`bench/delivery/relay-server.ts`) on the same workload shape. */
export async function startRelay(options: TargetOptions): Promise<RunningTarget> {
  const started = performance.now();
  const port = await getPort({ host: '127.0.0.1' });
  const child = spawnTsx('relay', [], 'bench/delivery/relay-server.ts', [], { ...baseEnv(), PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child, 'SIGTERM', 10_000);
  try {
    await waitForHttp(`${url}/health`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { kind: 'relay', url, child, children: [child], conversations: relayConversations(options.conversations, options.room), setupMs: performance.now() - started, stop };
}
