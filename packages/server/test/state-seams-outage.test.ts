import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RedisClientType } from 'redis';
import { AppError } from '../src/errors.js';
import { createRedisSendLimiter } from '../src/modules/messages/send-limiter.redis.js';
import { createRedisPresenceTracker } from '../src/modules/presence/presence-tracker.redis.js';
import { createRedisViewingTracker } from '../src/modules/presence/viewing-tracker.redis.js';
import type { TypingChange } from '../src/modules/typing/typing-tracker.js';
import { createRedisTypingTracker } from '../src/modules/typing/typing-tracker.redis.js';
import { connectRedis } from '../src/redis/redis-client.js';
import { capturingLog, quietLog, startRedisServer, uniquePrefix, type OwnRedis } from './support/redis.js';

/** Beat every 100 ms, dead after 400 ms: the resync after the outage comes quickly. */
const HEARTBEAT = { heartbeatMs: 100, ttlMs: 400 };
/** Reconnection backs off up to 5 s, so recovery may take that long. */
const RECOVERY = { timeout: 15_000, interval: 50 };

/**
 * Issue 8, "Degradation": while Redis is unreachable each process keeps serving its own sockets. Each seam
 * runs on a redis-server this file starts, which each test shuts down (`shutdown nosave`) and starts again
 * empty: no call throws, answers come from the process's own knowledge, the outage is logged once, and what
 * the process holds is back in Redis after it returns.
 */
describe('Redis seams while Redis is down', () => {
  let redis: OwnRedis;
  let client: RedisClientType;
  let captured: ReturnType<typeof capturingLog>;
  const prefix = uniquePrefix();
  const failures = (component: string) =>
    captured.records().filter((record) => record.component === component && record.msg.startsWith('Redis call failed'));
  const logged = () => captured.records().map((record) => record.msg);
  /** A second process's client on the restarted server. */
  let otherClient: RedisClientType | undefined;
  const openOther = async () => {
    otherClient = await connectRedis(redis.url, quietLog);
    return otherClient;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis.close());
  beforeEach(async () => {
    captured = capturingLog();
    client = await connectRedis(redis.url, captured.log);
  });
  afterEach(async () => {
    await redis.start(); // no-op when it runs
    await vi.waitFor(() => expect(client.isReady).toBe(true), RECOVERY);
    client.destroy();
    otherClient?.destroy();
    otherClient = undefined;
  });

  it('presence answers from its own sockets, then re-asserts them', async () => {
    const tracker = createRedisPresenceTracker(client, { log: captured.log, prefix, ...HEARTBEAT });
    expect(await tracker.connect('u1', 's1')).toBe(true);
    await redis.stop();
    expect(await tracker.connect('u2', 's2')).toBe(true);
    expect(await tracker.connect('u1', 's3')).toBe(false);
    expect(await tracker.isOnline(['u1', 'u2', 'u3'])).toEqual(new Set(['u1', 'u2']));
    expect(await tracker.disconnect('u1', 's1')).toBe(false);
    expect(await tracker.disconnect('u1', 's3')).toBe(true);
    expect(failures('presence')).toHaveLength(1);
    expect(logged()).toContain('Redis unreachable; retrying in the background');

    await redis.start(); // empty: the outage lost everything
    const other = createRedisPresenceTracker(await openOther(), { log: quietLog, prefix, ...HEARTBEAT });
    await vi.waitFor(async () => expect(await other.isOnline(['u1', 'u2'])).toEqual(new Set(['u2'])), RECOVERY);
    expect(await other.connect('u2', 'o1')).toBe(false);
    await Promise.all([tracker.close(), other.close()]);
  });

  it('viewing answers from its own sockets, then re-asserts them', async () => {
    const tracker = createRedisViewingTracker(client, { log: captured.log, prefix, ...HEARTBEAT });
    await tracker.join('s1', 'u1', 'c1');
    await redis.stop();
    await tracker.join('s2', 'u2', 'c1');
    await tracker.leave('s1', 'c1');
    expect(await tracker.viewers('c1')).toEqual(new Set(['u2']));
    expect(failures('viewing')).toHaveLength(1);

    await redis.start();
    const other = createRedisViewingTracker(await openOther(), { log: quietLog, prefix, ...HEARTBEAT });
    await vi.waitFor(async () => expect(await other.viewers('c1')).toEqual(new Set(['u2'])), RECOVERY);
    await Promise.all([tracker.close(), other.close()]);
  });

  it('typing reports as the memory tracker would for its own timers', async () => {
    const changes: TypingChange[] = [];
    const tracker = createRedisTypingTracker(client, { onChange: (change) => changes.push(change), log: captured.log, prefix, timeoutMs: 200 });
    const typing = (isTyping: boolean, userId: string): TypingChange => ({ conversationId: 'c1', userId, isTyping });
    await tracker.set(typing(true, 'u1'));
    await redis.stop();
    await tracker.set(typing(false, 'u1'));
    await tracker.set(typing(false, 'u3')); // never typing: nothing to report
    await tracker.set(typing(true, 'u2'));
    await vi.waitFor(() => expect(changes).toHaveLength(4), { timeout: 5_000, interval: 10 });
    expect(changes).toEqual([typing(true, 'u1'), typing(false, 'u1'), typing(true, 'u2'), typing(false, 'u2')]);
    expect(failures('typing')).toHaveLength(1);
    tracker.close();
  });

  it('the send limit holds per process, with the same RATE_LIMITED, and is shared again afterwards', async () => {
    const limiter = createRedisSendLimiter(client, 1, 3, { log: captured.log, prefix });
    await limiter.consume('u1');
    await redis.stop();
    for (let i = 0; i < 3; i++) await limiter.consume('u1');
    const refused: unknown = await limiter.consume('u1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect(failures('send-limiter')).toHaveLength(1);

    await redis.start();
    await vi.waitFor(() => expect(client.isReady).toBe(true), RECOVERY);
    await limiter.consume('u2');
    expect(logged()).toContain('Redis calls succeed again');
  });
});
