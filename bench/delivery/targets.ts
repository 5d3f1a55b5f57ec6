import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnTsx, stopChild, waitForHttp, type Child } from './children.js';
import { relayConversations, setupParley } from './parley-setup.js';
import type { BenchConversation, TargetKind } from './wire.js';

/** A running target with its workload created. */
export interface RunningTarget {
  readonly kind: TargetKind;
  readonly url: string;
  readonly child: Child;
  readonly conversations: BenchConversation[];
  /** Setup time: start-up plus creating users and conversations (ms). */
  readonly setupMs: number;
  /** Stops the process (gracefully, so a CPU profile is written) and removes its temporary files. */
  stop(): Promise<void>;
}

/** What a target needs to start. */
export interface TargetOptions {
  conversations: number;
  room: number;
  setupConcurrency: number;
  /** Directory for `node --cpu-prof` output of the Parley process; unset: no profile. */
  cpuProfileDir?: string;
}

/** The environment a child starts from: ours without Parley settings and NODE_OPTIONS. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('PARLEY_') || key === 'PORT' || key === 'HOST' || key === 'NODE_OPTIONS') delete env[key];
  return env;
}

/**
 * Starts Parley (`parley start`) with every message persisted: SQLite in a temporary directory (WAL,
 * synchronous=FULL as the server configures it), no send limit, warn-level logs; then creates the
 * workload through the API.
 */
export async function startParley(options: TargetOptions): Promise<RunningTarget> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-'));
  const port = await freePort();
  const secret = randomBytes(32).toString('base64url');
  const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const child = spawnTsx('parley', nodeArgs, 'packages/server/src/cli.ts', ['start'], {
    ...baseEnv(),
    PORT: String(port),
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dir,
    PARLEY_DATABASE_URL: `sqlite:${join(dir, 'parley.db')}`,
    PARLEY_JWT_SECRET: secret,
    PARLEY_SEND_RATE: '0',
    PARLEY_LOG_LEVEL: 'warn',
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child, 'SIGINT', 30_000);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${url}/api/health`, child);
    const conversations = await setupParley({ url, secret, conversations: options.conversations, room: options.room, concurrency: options.setupConcurrency });
    return { kind: 'parley', url, child, conversations, setupMs: performance.now() - started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Starts the raw Socket.IO relay (`bench/delivery/relay-server.ts`) on the same workload shape. */
export async function startRelay(options: TargetOptions): Promise<RunningTarget> {
  const started = performance.now();
  const port = await freePort();
  const child = spawnTsx('relay', [], 'bench/delivery/relay-server.ts', [], { ...baseEnv(), PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child, 'SIGTERM', 10_000);
  try {
    await waitForHttp(`${url}/health`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { kind: 'relay', url, child, conversations: relayConversations(options.conversations, options.room), setupMs: performance.now() - started, stop };
}
