import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RedisClientType } from 'redis';
import type { Logger } from 'pino';
import { rateLimited } from '../../errors.js';
import { createFailSoft } from '../../redis/fail-soft.js';
import type { SendLimiter } from './send-limiter.js';

/** Options of {@link createRedisSendLimiter}. */
export interface RedisSendLimiterOptions {
  /** Logs outages (once each) and recoveries. */
  log: Logger;
  /** Prefix of every key (default `parley:`); the counters are `<prefix>send:<userId>`. */
  prefix?: string;
  /** Bound on one Redis call before the process-local limiter answers (ms, default 1000). */
  commandTimeoutMs?: number;
}

/**
 * The counter script: rate-limiter-flexible's own (`incrTtlLuaScript`) with the window in ms (`PX`) baked in,
 * because the library passes whole seconds to Redis and would round 2.5 s down to 2 s, and 0.5 s to no expiry.
 * Replies `{ consumed, msBeforeReset }` as the library expects.
 */
function counterScript(windowMs: number): string {
  return `redis.call('set', KEYS[1], 0, 'PX', ${windowMs}, 'NX')
local consumed = redis.call('incrby', KEYS[1], ARGV[1])
local ttl = redis.call('pttl', KEYS[1])
if ttl == -1 then
  redis.call('pexpire', KEYS[1], ${windowMs})
  ttl = ${windowMs}
end
return {consumed, ttl}`;
}

/**
 * {@link SendLimiter} shared by every process through Redis (rate-limiter-flexible's `RateLimiterRedis` on
 * node-redis, `useRedisPackage: true`): the same semantics as `createMemorySendLimiter` — `burst` sends per
 * fixed window of `burst / rate` seconds per user, counted across processes; `rate = 0` turns the limit off.
 * `consume` throws `RATE_LIMITED` with `retryAfterMs` (≥ 1 ms, until the window resets).
 *
 * While Redis is unreachable (issue 8, "Degradation") the limit is applied per process instead (a
 * `RateLimiterMemory` with the same settings), the outage is logged once, and nothing else is thrown.
 */
export function createRedisSendLimiter(client: RedisClientType, rate: number, burst: number, options: RedisSendLimiterOptions): SendLimiter {
  if (rate === 0) return { consume: () => Promise.resolve() };
  const windowMs = Math.max(1, Math.round((burst / rate) * 1000));
  const shared = new RateLimiterRedis({
    storeClient: client,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    keyPrefix: `${options.prefix ?? 'parley:'}send`,
    points: burst,
    // The library only runs the script for windows of 1 s or more; the script carries the exact window.
    duration: Math.max(1, burst / rate),
    customIncrTtlLuaScript: counterScript(windowMs),
  });
  const local = new RateLimiterMemory({ points: burst, duration: burst / rate });
  const soft = createFailSoft(options.log, 'send-limiter', options.commandTimeoutMs);

  /** Consumes one point from `limiter`: null when allowed, the refusal when not; other errors reject. */
  const take = (limiter: RateLimiterRedis | RateLimiterMemory, userId: string): Promise<RateLimiterRes | null> =>
    limiter.consume(userId).then(
      () => null,
      (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) return rejection;
        throw rejection;
      },
    );

  return {
    async consume(userId) {
      const refusal = await soft.attempt(
        () => take(shared, userId),
        () => take(local, userId),
      );
      if (refusal) throw rateLimited(Math.max(1, refusal.msBeforeNext));
    },
  };
}
