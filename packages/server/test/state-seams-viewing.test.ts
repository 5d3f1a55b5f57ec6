import { describe, expect, it, vi } from 'vitest';
import { createMemoryViewingTracker, type ViewingTracker } from '../src/modules/presence/viewing-tracker.js';
import { createRedisViewingTracker } from '../src/modules/presence/viewing-tracker.redis.js';
import { openClient, quietLog, seamImplementations, useSeamWorld } from './support/redis.js';

/** Short heartbeats so the crash bound is observable in a test: beat every 100 ms, dead after 400 ms. */
const HEARTBEAT = { heartbeatMs: 100, ttlMs: 400 };

const implementations = seamImplementations<ViewingTracker>(createMemoryViewingTracker, (client, prefix) =>
  createRedisViewingTracker(client, { log: quietLog, prefix, ...HEARTBEAT }),
);

/**
 * `ViewingTracker` (CONVENTIONS § Scale-out seams): the same cases against memory and Redis. "Processes" are
 * tracker instances on one Redis and prefix; the memory tracker has one process, so those cases are not defined for it.
 */
describe.each(implementations)('ViewingTracker ($name)', ({ crossProcess, open }) => {
  // Cases that need two instances sharing state exist only where there is more than one process (Redis).
  const acrossProcesses = crossProcess ? it : () => undefined;
  const world = useSeamWorld(open);

  it('lists the users with a socket joined until it leaves or disconnects', async () => {
    const tracker = world().process();
    expect(await tracker.viewers('c1')).toEqual(new Set());
    await tracker.join('s1', 'u1', 'c1');
    await tracker.join('s1', 'u1', 'c2');
    await tracker.join('s2', 'u2', 'c1');
    expect(await tracker.viewers('c1')).toEqual(new Set(['u1', 'u2']));
    await tracker.leave('s2', 'c1');
    expect(await tracker.viewers('c1')).toEqual(new Set(['u1']));
    await tracker.disconnect('s1');
    expect(await tracker.viewers('c1')).toEqual(new Set());
    expect(await tracker.viewers('c2')).toEqual(new Set());
  });

  it('keeps a user viewing while another of their sockets still views; ignores unknown sockets', async () => {
    const tracker = world().process();
    await tracker.join('s1', 'u1', 'c1');
    await tracker.join('s2', 'u1', 'c1');
    await tracker.leave('s1', 'c1');
    await tracker.leave('never', 'c1');
    await tracker.disconnect('never');
    expect(await tracker.viewers('c1')).toEqual(new Set(['u1']));
  });

  // Memory: one process only; the cases below need two instances sharing state.
  acrossProcesses('lists viewers of every process; a disconnect on one leaves the other', async () => {
    const [a, b] = [world().process(), world().process()];
    await a.join('a1', 'u1', 'c1');
    await b.join('b1', 'u2', 'c1');
    expect(await a.viewers('c1')).toEqual(new Set(['u1', 'u2']));
    await a.disconnect('a1');
    expect(await b.viewers('c1')).toEqual(new Set(['u2']));
  });

  acrossProcesses('stops counting a crashed process within ttlMs of its last heartbeat', async () => {
    const observer = world().process();
    const crashingClient = await openClient();
    const crashing = createRedisViewingTracker(crashingClient, { log: quietLog, prefix: world().prefix, ...HEARTBEAT });
    await crashing.join('b1', 'u2', 'c1');
    expect(await observer.viewers('c1')).toEqual(new Set(['u2']));
    crashingClient.destroy();
    const crashedAt = Date.now();
    await vi.waitFor(async () => expect(await observer.viewers('c1')).toEqual(new Set()), { timeout: 5_000, interval: 25 });
    expect(Date.now() - crashedAt).toBeLessThanOrEqual(HEARTBEAT.ttlMs + 1_000);
    await crashing.close();
  });
});
