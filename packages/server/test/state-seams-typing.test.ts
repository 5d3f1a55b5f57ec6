import { describe, expect, it, vi } from 'vitest';
import { createMemoryTypingTracker, type TypingChange, type TypingTracker } from '../src/modules/typing/typing-tracker.js';
import { createRedisTypingTracker } from '../src/modules/typing/typing-tracker.redis.js';
import { quietLog, seamImplementations, useSeamWorld } from './support/redis.js';

/** A short typing timeout (ms) so expiries happen within a test; the sweep claims orphans 100 ms late. */
const TIMEOUT_MS = 300;
const SWEEP = { sweepIntervalMs: 100, sweepGraceMs: 100 };
/** How long after an expiry no second report may come: past every other process's timer and sweep. */
const QUIET_MS = TIMEOUT_MS + SWEEP.sweepGraceMs + 3 * SWEEP.sweepIntervalMs;

/** A tracker with the changes it reported. */
interface Recorded {
  tracker: TypingTracker;
  changes: TypingChange[];
}

const implementations = seamImplementations<Recorded>(
  () => {
    const changes: TypingChange[] = [];
    return { tracker: createMemoryTypingTracker((change) => changes.push(change), TIMEOUT_MS), changes };
  },
  (client, prefix) => {
    const changes: TypingChange[] = [];
    const tracker = createRedisTypingTracker(client, { onChange: (change) => changes.push(change), log: quietLog, prefix, timeoutMs: TIMEOUT_MS, ...SWEEP });
    return { tracker, changes, close: () => tracker.close() };
  },
  ({ tracker }) => tracker.close(),
);

const typing = (isTyping: boolean, userId = 'u1'): TypingChange => ({ conversationId: 'c1', userId, isTyping });
const stopped = (changes: TypingChange[]) => changes.filter((change) => !change.isTyping);

/**
 * `TypingTracker` (CONVENTIONS § Scale-out seams): the same cases against memory and Redis. "Processes" are
 * tracker instances on one Redis and prefix, each with its own reports; memory has no such cases.
 */
describe.each(implementations)('TypingTracker ($name)', ({ crossProcess, open }) => {
  // Cases that need two instances sharing state exist only where there is more than one process (Redis).
  const acrossProcesses = crossProcess ? it : () => undefined;
  const world = useSeamWorld(open);

  it('reports every true, and a false only while the user was typing', async () => {
    const { tracker, changes } = world().process();
    await tracker.set(typing(false));
    await tracker.set(typing(true));
    await tracker.set(typing(true));
    await tracker.set(typing(false));
    await tracker.set(typing(false));
    expect(changes).toEqual([typing(true), typing(true), typing(false)]);
  });

  it('expires a true into one false after the timeout; a repeat pushes the expiry back', async () => {
    const { tracker, changes } = world().process();
    const startedAt = Date.now();
    await tracker.set(typing(true));
    await vi.waitFor(() => expect(changes).toHaveLength(2), { timeout: 5_000, interval: 10 });
    expect(changes[1]).toEqual(typing(false));
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    await tracker.set(typing(true, 'u2'));
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS / 2));
    const repeatedAt = Date.now();
    await tracker.set(typing(true, 'u2'));
    await vi.waitFor(() => expect(stopped(changes)).toHaveLength(2), { timeout: 5_000, interval: 10 });
    expect(Date.now() - repeatedAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
  });

  it('close() cancels pending expiries', async () => {
    const { tracker, changes } = world().process();
    await tracker.set(typing(true));
    tracker.close();
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS + 100));
    expect(changes).toEqual([typing(true)]);
  });

  // Memory: one process only; the cases below need two instances sharing state.
  acrossProcesses('announces an expiry once across processes, also when both relayed a true', async () => {
    const [a, b] = [world().process(), world().process()];
    await a.tracker.set(typing(true));
    await b.tracker.set(typing(true));
    await vi.waitFor(() => expect([...stopped(a.changes), ...stopped(b.changes)]).toHaveLength(1), { timeout: 5_000, interval: 10 });
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect([...stopped(a.changes), ...stopped(b.changes)]).toEqual([typing(false)]);
  });

  acrossProcesses('a false on another process ends it there, once; the first process stays silent', async () => {
    const [a, b] = [world().process(), world().process()];
    await a.tracker.set(typing(true));
    await b.tracker.set(typing(false));
    expect(b.changes).toEqual([typing(false)]);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(a.changes).toEqual([typing(true)]);
  });

  acrossProcesses('a live process announces the expiry of a crashed one within timeout + grace + sweep', async () => {
    const [crashing, survivor] = [world().process(), world().process()];
    const startedAt = Date.now();
    await crashing.tracker.set(typing(true));
    crashing.tracker.close(); // its timer dies with it
    await vi.waitFor(() => expect(survivor.changes).toEqual([typing(false)]), { timeout: 5_000, interval: 10 });
    expect(Date.now() - startedAt).toBeLessThanOrEqual(TIMEOUT_MS + SWEEP.sweepGraceMs + SWEEP.sweepIntervalMs + 1_000);
    expect(crashing.changes).toEqual([typing(true)]);
  });
});
