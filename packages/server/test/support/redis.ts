import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterEach, beforeEach } from 'vitest';
import type { RedisClientType } from 'redis';
import { connectRedis } from '../../src/redis/redis-client.js';
import { freePort, spawnCommand, within, type Spawned } from './processes.js';

const run = promisify(execFile);

/** The shared Redis the seam tests use (`PARLEY_TEST_REDIS_URL`, default the local one on 6379). */
export const testRedisUrl = process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix of its own for one test, so runs and tests never see each other's keys. */
export const uniquePrefix = (): string => `parley-test:${randomBytes(6).toString('hex')}:`;

/** A silent logger for the seams under test. */
export const quietLog = pino({ level: 'silent' });

/** Opens a client on `url` with the production settings ({@link connectRedis}). */
export const openClient = (url = testRedisUrl): Promise<RedisClientType> => connectRedis(url, quietLog);

/** A redis-server this test owns, on a port of its own, for outage tests. */
export interface OwnRedis {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Shuts the server down (`redis-cli shutdown nosave`) and waits for it to exit: an outage. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (it keeps nothing on disk), and waits until it accepts connections; no-op while it runs. */
  start(): Promise<void>;
  /** Stops it if it runs (SIGKILL when it will not shut down); for `afterAll`. */
  close(): Promise<void>;
}

/**
 * Spawns `redis-server` on a free port (nothing saved to disk, logs on stdout) and resolves once it is
 * ready; rejects after 10 s if it does not start.
 */
export async function startRedisServer(): Promise<OwnRedis> {
  const port = await freePort();
  let server: Spawned | undefined;
  const start = async () => {
    if (server) return;
    const spawned = spawnCommand('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--logfile', '']);
    server = spawned;
    await spawned.waitForStdout(/Ready to accept connections/, 10_000);
  };
  const stop = async () => {
    const running = server;
    if (!running) return;
    server = undefined;
    await run('redis-cli', ['-p', String(port), 'shutdown', 'nosave']).catch(() => undefined);
    await within(running.exited, 10_000, `redis-server on ${port} did not shut down`).catch(() => {
      running.child.kill('SIGKILL');
      return running.exited;
    });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop, close: stop };
}

/** One of a seam's implementations, as the shared suites loop over them. */
export interface SeamImplementation<T> {
  readonly name: 'memory' | 'redis';
  /** True when two instances share state (Redis): only then do the cross-process cases run. */
  readonly crossProcess: boolean;
  /** A fresh world: its own key prefix and client (Redis). */
  readonly open: () => Promise<SeamWorld<T>>;
}

/** The instances of one test; `process()` is one more server process. */
export interface SeamWorld<T> {
  /** The Redis key prefix of this world ('' for memory). */
  readonly prefix: string;
  /** A new instance: for Redis, another "process" on the same Redis and prefix; for memory, an unrelated one. */
  process(): T;
  /** Closes every instance, deletes the prefix's keys, closes the client. */
  close(): Promise<void>;
}

/** Deletes every key under `prefix`. */
export async function deleteKeys(client: RedisClientType, prefix: string): Promise<void> {
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await client.del(keys);
}

/**
 * The memory and Redis implementations of one seam, for `describe.each`. `redis` builds an instance (with its
 * `close()`) on a client and a per-test prefix; `closeMemory` closes a memory instance when it has timers.
 */
export function seamImplementations<T>(
  memory: () => T,
  redis: (client: RedisClientType, prefix: string) => T & { close(): unknown },
  closeMemory: (instance: T) => unknown = () => undefined,
): SeamImplementation<T>[] {
  const world = (prefix: string, build: () => [T, () => unknown], cleanUp: () => Promise<void>): SeamWorld<T> => {
    const closers: (() => unknown)[] = [];
    return {
      prefix,
      process() {
        const [instance, close] = build();
        closers.push(close);
        return instance;
      },
      async close() {
        await Promise.all(closers.map(async (close) => close()));
        await cleanUp();
      },
    };
  };
  return [
    {
      name: 'memory',
      crossProcess: false,
      open: () =>
        Promise.resolve(
          world(
            '',
            () => {
              const instance = memory();
              return [instance, () => closeMemory(instance)];
            },
            () => Promise.resolve(),
          ),
        ),
    },
    {
      name: 'redis',
      crossProcess: true,
      open: async () => {
        const client = await openClient();
        const prefix = uniquePrefix();
        return world(
          prefix,
          () => {
            const instance = redis(client, prefix);
            return [instance, () => instance.close()];
          },
          async () => {
            await deleteKeys(client, prefix);
            await client.close();
          },
        );
      },
    },
  ];
}

/** One line a {@link capturingLog} kept. */
export interface LogRecord {
  msg: string;
  component?: string;
}

/** A logger that keeps its lines, to count what an outage logged. */
export function capturingLog(): { log: pino.Logger; records(): LogRecord[] } {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { log, records: () => lines.map((line) => JSON.parse(line)) };
}

/** Opens a fresh world before each test of the enclosing suite and closes it after; call the getter inside tests. */
export function useSeamWorld<T>(open: () => Promise<SeamWorld<T>>): () => SeamWorld<T> {
  let world: SeamWorld<T> | undefined;
  beforeEach(async () => {
    world = await open();
  });
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });
  return () => {
    if (!world) throw new Error('useSeamWorld: no world outside a test');
    return world;
  };
}
