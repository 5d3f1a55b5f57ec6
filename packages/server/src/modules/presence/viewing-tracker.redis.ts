import type { RedisClientType } from 'redis';
import { createProcessEntries, type ProcessEntriesOptions, type ProcessScoped } from '../../redis/process-entries.js';
import type { ViewingTracker } from './viewing-tracker.js';

/** A {@link ViewingTracker} shared through Redis, retired by `close()`. */
export type RedisViewingTracker = ViewingTracker & ProcessScoped;

/**
 * {@link ViewingTracker} for many processes (issue 8), on one Redis server.
 *
 * Keys (prefix `P`, default `parley:`):
 * - `P viewing:conversation:<conversationId>`: hash socketId → `<processId>|<userId>`;
 * - `P viewing:alive:<processId>`, `P viewing:owned:<processId>`, `P viewing:processes`: the heartbeat,
 *   as for presence (renewed every `heartbeatMs`, 5 s, expiring after `ttlMs`, 15 s).
 *
 * `viewers` counts only sockets of live processes. Crash bound: a crashed process's sockets count as viewing
 * for at most `ttlMs` after its last heartbeat (so notifications may be skipped for those users that long).
 * The sockets a conversation is joined by are remembered in this process too, so `disconnect` needs no Redis read.
 *
 * While Redis is unreachable every method answers from this process's own sockets, logs once per outage,
 * never rejects, and re-asserts this process's views when Redis is back.
 */
export function createRedisViewingTracker(client: RedisClientType, options: ProcessEntriesOptions): RedisViewingTracker {
  const prefix = options.prefix ?? 'parley:';
  const entries = createProcessEntries(client, `${prefix}viewing:`, 'viewing', options);
  const keyOf = (conversationId: string) => `${prefix}viewing:conversation:${conversationId}`;
  /** socketId → the conversations it views (sockets of this process only). */
  const bySocket = new Map<string, Set<string>>();

  const leave = async (socketId: string, conversationId: string) => {
    const joined = bySocket.get(socketId);
    joined?.delete(conversationId);
    if (joined?.size === 0) bySocket.delete(socketId);
    await entries.remove(keyOf(conversationId), socketId);
  };

  return {
    async join(socketId, userId, conversationId) {
      const joined = bySocket.get(socketId) ?? new Set<string>();
      joined.add(conversationId);
      bySocket.set(socketId, joined);
      await entries.put(keyOf(conversationId), socketId, userId);
    },
    leave,
    async disconnect(socketId) {
      await Promise.all([...(bySocket.get(socketId) ?? [])].map((conversationId) => leave(socketId, conversationId)));
    },
    async viewers(conversationId) {
      const [userIds = []] = await entries.live([keyOf(conversationId)]);
      return new Set(userIds);
    },
    close: () => entries.close(),
  };
}
