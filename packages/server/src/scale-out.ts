import { hostname } from 'node:os';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import type { ServerOptions } from 'socket.io';
import type { Config } from './config.js';
import { createMemorySendLimiter, type SendLimiter } from './modules/messages/send-limiter.js';
import { createRedisSendLimiter } from './modules/messages/send-limiter.redis.js';
import { createMemoryPresenceTracker, type PresenceTracker } from './modules/presence/presence-tracker.js';
import { createRedisPresenceTracker } from './modules/presence/presence-tracker.redis.js';
import { createMemoryViewingTracker, type ViewingTracker } from './modules/presence/viewing-tracker.js';
import { createRedisViewingTracker } from './modules/presence/viewing-tracker.redis.js';
import { createMemoryTypingTracker, type TypingChange, type TypingTracker } from './modules/typing/typing-tracker.js';
import { createRedisTypingTracker } from './modules/typing/typing-tracker.redis.js';
import { connectRedis } from './redis/redis-client.js';

/**
 * What lives between requests, for one process or for many (CONVENTIONS, "Scale-out seams"; issue 8): presence,
 * viewing, typing and send-limit state, and the Socket.IO adapter. Without `PARLEY_REDIS_URL` the in-memory versions
 * of a single process; with it, the Redis versions and the Redis streams adapter, so fan-out and state span processes.
 */
export interface SharedState {
  presence: PresenceTracker;
  viewing: ViewingTracker;
  /** Builds the typing tracker around the typing service's change callback. */
  typing: (onChange: (change: TypingChange) => void) => TypingTracker;
  sendLimiter: SendLimiter;
  /** The Socket.IO adapter; undefined for one process (Socket.IO's in-memory adapter). */
  adapter: ServerOptions['adapter'] | undefined;
  /**
   * Dependencies that are down now, for `GET /api/health`: `['redis']` from the first failure of any of this process's
   * Redis connections until all of them are back, else `[]`.
   */
  degraded(): string[];
  /**
   * Calls `listener` each time all of this process's Redis connections are back after any of them failed: events may
   * have been lost in both directions between this process and the others meanwhile.
   */
  onRecovered(listener: () => void): void;
  /** Stops heartbeats and closes the Redis connections; call after the sockets are closed. */
  close(): Promise<void>;
}

/** The one-process state: every seam in memory. */
export function createLocalState(config: Pick<Config, 'sendRate' | 'sendBurst'>): SharedState {
  return {
    presence: createMemoryPresenceTracker(),
    viewing: createMemoryViewingTracker(),
    typing: (onChange) => createMemoryTypingTracker(onChange),
    sendLimiter: createMemorySendLimiter(config.sendRate, config.sendBurst),
    adapter: undefined,
    degraded: () => [],
    onRecovered: () => undefined,
    close: () => Promise.resolve(),
  };
}

/**
 * The many-process state on Redis (`redisUrl`). Waits for Redis at start. Two connections: the seams' client, which
 * fails commands at once while Redis is away so requests never wait on an outage, and the adapter's, whose blocking
 * stream reads (a duplicate of it, made by the adapter) must wait for Redis to return rather than fail in a tight loop.
 * While Redis is away each process keeps serving its own sockets (the adapter still delivers locally; see
 * socket.io-adapter's `ClusterAdapter.broadcast`, which catches a failed publish) and answers from what it knows.
 *
 * The link counts as down from the first failure of any of these connections (the adapter's duplicates included)
 * until every one of them is ready again: each reconnects on its own backoff (up to 5 s apart), and a publish that
 * fails on a connection still away is lost to the other processes even after the others are back. Only then do the
 * {@link SharedState.onRecovered} listeners run.
 */
export async function createRedisState(config: Pick<Config, 'sendRate' | 'sendBurst'> & { redisUrl: string }, log: Logger): Promise<SharedState> {
  const client = await connectRedis(config.redisUrl, log, connectionName('state'));
  const bus = await connectRedis(config.redisUrl, log.child({ component: 'socket.io-adapter' }), connectionName('adapter'));
  const link = watchLink();
  link.watch(client);
  link.watch(bus);
  // The adapter reads the stream on `bus.duplicate()`: give that reader an offline queue, so an XREAD during an outage
  // waits for Redis (the adapter retries at once after any failure, which would otherwise spin).
  const duplicate = bus.duplicate.bind(bus);
  Object.assign(bus, { duplicate: () => link.watch(duplicate({ disableOfflineQueue: false })) });
  const presence = createRedisPresenceTracker(client, { log });
  const viewing = createRedisViewingTracker(client, { log });
  return {
    presence,
    viewing,
    typing: (onChange) => createRedisTypingTracker(client, { onChange, log }),
    sendLimiter: config.sendRate === 0 ? createMemorySendLimiter(0, config.sendBurst) : createRedisSendLimiter(client, config.sendRate, config.sendBurst, { log }),
    adapter: createAdapter(bus),
    degraded: () => (link.isDown() ? ['redis'] : []),
    onRecovered: link.onRecovered,
    async close() {
      await presence.close();
      await viewing.close();
      for (const connection of [client, bus]) {
        if (connection.isOpen) await connection.close();
      }
    },
  };
}

/**
 * `parley:<role>:<host>:<pid>`, the name this process gives its Redis connections of one role (`state` for the seams,
 * `adapter` for the Socket.IO adapter's publisher, stream reader and subscriber), as `CLIENT LIST` shows them.
 */
export function connectionName(role: 'state' | 'adapter', pid = process.pid): string {
  return `parley:${role}:${hostname()}:${pid}`;
}

/** A node-redis connection as the link watch sees it: its events and whether it can take commands now. */
interface WatchedConnection {
  readonly isReady: boolean;
  on(event: 'error' | 'ready', listener: () => void): unknown;
}

/**
 * One up/down state for several Redis connections: down from any connection's `error` (node-redis emits one per
 * failed attempt and when the socket closes) until all of them emit `ready` again; recovery listeners run once per outage.
 */
function watchLink() {
  const connections: WatchedConnection[] = [];
  const listeners: (() => void)[] = [];
  let down = false;
  return {
    watch<C extends WatchedConnection>(connection: C): C {
      connections.push(connection);
      connection.on('error', () => {
        down = true;
      });
      connection.on('ready', () => {
        if (!down || !connections.every((each) => each.isReady)) return;
        down = false;
        for (const listener of listeners) listener();
      });
      return connection;
    },
    isDown: () => down,
    onRecovered: (listener: () => void) => {
      listeners.push(listener);
    },
  };
}
