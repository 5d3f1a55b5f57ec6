import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../../errors.js';

/**
 * Per-user limit on message sends (`PARLEY_SEND_RATE` per second, bursts up to `PARLEY_SEND_BURST`).
 * Lives between requests, so it sits behind this interface: in memory for one process, Redis for many.
 */
export interface SendLimiter {
  /** Takes one send from `userId`'s allowance. Throws `RATE_LIMITED` (with `retryAfterMs`) when none is left. */
  consume(userId: string): Promise<void>;
}

/**
 * In-memory limiter (rate-limiter-flexible): `burst` points per window of `burst / rate` seconds, i.e. an
 * average of `rate` sends/s with bursts of `burst`. `rate = 0` turns the limit off.
 */
export function createMemorySendLimiter(rate: number, burst: number): SendLimiter {
  if (rate === 0) return { consume: () => Promise.resolve() };
  const limiter = new RateLimiterMemory({ points: burst, duration: burst / rate });
  return {
    async consume(userId) {
      try {
        await limiter.consume(userId);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) throw rateLimited(Math.max(1, rejection.msBeforeNext));
        throw rejection;
      }
    },
  };
}
