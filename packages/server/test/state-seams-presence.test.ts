import { describe, expect, it, vi } from 'vitest';
import { createMemoryPresenceTracker, type PresenceTracker } from '../src/modules/presence/presence-tracker.js';
import { createRedisPresenceTracker } from '../src/modules/presence/presence-tracker.redis.js';
import { openClient, quietLog, seamImplementations, useSeamWorld } from './support/redis.js';

/** Short heartbeats so the crash bound is observable in a test: beat every 100 ms, dead after 400 ms. */
const HEARTBEAT = { heartbeatMs: 100, ttlMs: 400 };

const implementations = seamImplementations<PresenceTracker>(
  createMemoryPresenceTracker,
  (client, prefix) => createRedisPresenceTracker(client, { log: quietLog, prefix, ...HEARTBEAT }),
);

/**
 * `PresenceTracker` (CONVENTIONS § Scale-out seams): the same cases against memory and Redis. "Processes" are
 * tracker instances on one Redis and prefix; the memory tracker has one process, so those cases are not defined for it.
 */
describe.each(implementations)('PresenceTracker ($name)', ({ crossProcess, open }) => {
  // Cases that need two instances sharing state exist only where there is more than one process (Redis).
  const acrossProcesses = crossProcess ? it : () => undefined;
  const world = useSeamWorld(open);

  it('answers online on the first socket and offline on the last; several tabs count once', async () => {
    const tracker = world().process();
    expect(await tracker.connect('u1', 's1')).toBe(true);
    expect(await tracker.connect('u1', 's2')).toBe(false);
    expect(await tracker.isOnline(['u1', 'u2'])).toEqual(new Set(['u1']));
    expect(await tracker.disconnect('u1', 's1')).toBe(false);
    expect(await tracker.disconnect('u1', 's2')).toBe(true);
    expect(await tracker.isOnline(['u1'])).toEqual(new Set());
  });

  it('answers false for unknown sockets and an empty set for no users', async () => {
    const tracker = world().process();
    expect(await tracker.disconnect('u1', 'never')).toBe(false);
    await tracker.connect('u1', 's1');
    expect(await tracker.disconnect('u1', 'other')).toBe(false);
    expect(await tracker.disconnect('u1', 's1')).toBe(true);
    expect(await tracker.disconnect('u1', 's1')).toBe(false);
    expect(await tracker.isOnline([])).toEqual(new Set());
  });

  // Memory: one process only; the cases below need two instances sharing state.
  acrossProcesses('counts a user online on two processes once: offline only when both disconnect', async () => {
    const [a, b] = [world().process(), world().process()];
    expect(await a.connect('u1', 'a1')).toBe(true);
    expect(await b.connect('u1', 'b1')).toBe(false);
    expect(await b.isOnline(['u1'])).toEqual(new Set(['u1']));
    expect(await a.disconnect('u1', 'a1')).toBe(false);
    expect(await a.isOnline(['u1'])).toEqual(new Set(['u1']));
    expect(await b.disconnect('u1', 'b1')).toBe(true);
    expect(await a.isOnline(['u1'])).toEqual(new Set());
  });

  acrossProcesses('announces online exactly once when two processes connect the same user at once', async () => {
    const processes = [world().process(), world().process(), world().process()];
    const firsts = await Promise.all(processes.map((tracker, i) => tracker.connect('u1', `s${i}`)));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    const lasts = await Promise.all(processes.map((tracker, i) => tracker.disconnect('u1', `s${i}`)));
    expect(lasts.filter(Boolean)).toHaveLength(1);
  });

  acrossProcesses('keeps the users of a crashed process online for at most ttlMs after its last heartbeat', async () => {
    const observer = world().process();
    const crashingClient = await openClient();
    const crashing = createRedisPresenceTracker(crashingClient, { log: quietLog, prefix: world().prefix, ...HEARTBEAT });
    await crashing.connect('u1', 'b1');
    expect(await observer.connect('u1', 'a1')).toBe(false);
    expect(await observer.disconnect('u1', 'a1')).toBe(false);
    // The process dies: its connection is gone, its heartbeat stops, nobody disconnects its socket.
    crashingClient.destroy();
    const crashedAt = Date.now();
    expect(await observer.isOnline(['u1'])).toEqual(new Set(['u1']));
    await vi.waitFor(async () => expect(await observer.isOnline(['u1'])).toEqual(new Set()), { timeout: 5_000, interval: 25 });
    expect(Date.now() - crashedAt).toBeLessThanOrEqual(HEARTBEAT.ttlMs + 1_000);
    // The user's next socket is the first live one again.
    expect(await observer.connect('u1', 'a2')).toBe(true);
    await crashing.close();
  });
});
