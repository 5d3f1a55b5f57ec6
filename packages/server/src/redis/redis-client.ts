import { createClient, type RedisClientType } from 'redis';
import type { Logger } from 'pino';

/** First reconnect delay after the connection drops (ms); doubled on each failed attempt. */
export const RECONNECT_BASE_MS = 100;
/** Longest wait between two reconnect attempts (ms): an outage is retried at this pace forever. */
export const RECONNECT_MAX_MS = 5_000;

/**
 * The delay before reconnect attempt `retries` (0-based), in ms: exponential backoff from
 * {@link RECONNECT_BASE_MS}, capped at {@link RECONNECT_MAX_MS}, with up to 20 % random jitter so many
 * processes do not knock on a restarted Redis in step. Never gives up (never returns `false`).
 */
export function reconnectDelay(retries: number): number {
  const backoff = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.min(retries, 16));
  return Math.round(backoff * (0.8 + Math.random() * 0.2));
}

/** `url` without its password, for logs. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable Redis URL)';
  }
}

/**
 * Opens the node-redis client the scale-out seams share (presence, viewing, typing, send limits).
 *
 * - `url`: `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS), as node-redis reads it.
 * - Resolves once the first connection is ready. While Redis is unreachable at start-up it keeps
 *   retrying (so start-up waits for Redis); race it with a timeout to fail fast instead.
 * - Reconnects after any drop with {@link reconnectDelay} (100 ms doubling to 5 s, jittered), never giving up.
 * - An `'error'` listener logs each failure at `warn` once per outage (node-redis emits one per failed
 *   attempt) and never throws: without a listener an `'error'` event would crash the process.
 * - `disableOfflineQueue: true`: while disconnected, commands are rejected at once instead of being queued
 *   until Redis returns. Every Redis-backed seam catches that rejection and answers from what its own process
 *   knows (issue 8, "Degradation"), so a request never waits for an outage to end and no unbounded queue builds
 *   up; what a seam wrote meanwhile is re-asserted by its own resync after reconnection.
 *
 * - `name`, when given, is set on every connection (`CLIENT SETNAME`, duplicates included), so `CLIENT LIST` on the
 *   Redis server tells which process holds which connection.
 *
 * Rejects only if `url` is malformed (node-redis's `TypeError`). Close the client with `client.close()`.
 */
export async function connectRedis(url: string, log: Logger, name?: string): Promise<RedisClientType> {
  const where = redactedUrl(url);
  const client: RedisClientType = createClient({
    url,
    ...(name === undefined ? {} : { name }),
    disableOfflineQueue: true,
    socket: { connectTimeout: 5_000, reconnectStrategy: reconnectDelay },
  });
  let down = false;
  client.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    log.warn({ err: error, redis: where }, 'Redis unreachable; retrying in the background');
  });
  client.on('ready', () => {
    if (down) log.info({ redis: where }, 'Redis reachable again');
    down = false;
  });
  await client.connect();
  return client;
}
