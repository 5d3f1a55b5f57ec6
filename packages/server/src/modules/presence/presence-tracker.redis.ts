import type { RedisClientType } from 'redis';
import { createProcessEntries, type ProcessEntriesOptions, type ProcessScoped } from '../../redis/process-entries.js';
import type { PresenceTracker } from './presence-tracker.js';

/** A {@link PresenceTracker} shared through Redis, retired by `close()`. */
export type RedisPresenceTracker = PresenceTracker & ProcessScoped;

/**
 * {@link PresenceTracker} for many processes (issue 8), on one Redis server.
 *
 * Keys (prefix `P`, default `parley:`):
 * - `P presence:user:<userId>`: hash socketId → `<processId>|`, the user's sockets on every process;
 * - `P presence:alive:<processId>`: the process's heartbeat, renewed every `heartbeatMs` (5 s) with a
 *   `ttlMs` (15 s) expiry; `P presence:owned:<processId>` its sockets; `P presence:processes` all processes.
 *
 * `connect` and `disconnect` run as Lua scripts, so among concurrent calls on several processes exactly one
 * answers "went online" (first live socket) and exactly one "went offline" (last). A socket counts only while
 * its process's heartbeat lives. Crash bound: a crashed process's users look online for at most `ttlMs` after
 * its last heartbeat, which came no later than the crash (default 15 s), and its sockets are deleted by the next
 * heartbeat of a live process (`heartbeatMs` later at most). A live process cut off from Redis for longer than
 * `ttlMs` looks dead the same way until its first heartbeat after the outage re-asserts its sockets. Nobody
 * announces a crashed process's users offline (no `presence.changed`, no `last_seen_at`): left to a later reaper.
 *
 * While Redis is unreachable (issue 8, "Degradation") every method answers from this process's own sockets
 * (`connect` is "first" when this process had none of the user's), logs once per outage, never rejects, and
 * re-asserts this process's sockets when Redis is back.
 */
export function createRedisPresenceTracker(client: RedisClientType, options: ProcessEntriesOptions): RedisPresenceTracker {
  const prefix = options.prefix ?? 'parley:';
  const entries = createProcessEntries(client, `${prefix}presence:`, 'presence', options);
  const keyOf = (userId: string) => `${prefix}presence:user:${userId}`;
  return {
    async connect(userId, socketId) {
      return (await entries.put(keyOf(userId), socketId, '')) === 0;
    },
    async disconnect(userId, socketId) {
      return (await entries.remove(keyOf(userId), socketId)) === 0;
    },
    async isOnline(userIds) {
      if (userIds.length === 0) return new Set();
      const sockets = await entries.live(userIds.map(keyOf));
      return new Set(userIds.filter((_, i) => (sockets[i]?.length ?? 0) > 0));
    },
    close: () => entries.close(),
  };
}
