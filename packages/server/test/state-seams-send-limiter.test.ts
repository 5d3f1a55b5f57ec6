import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { createMemorySendLimiter, type SendLimiter } from '../src/modules/messages/send-limiter.js';
import { createRedisSendLimiter } from '../src/modules/messages/send-limiter.redis.js';
import { quietLog, seamImplementations, useSeamWorld } from './support/redis.js';

/** A limiter factory with the rate (sends/s) and burst under test. */
type Limiters = (rate: number, burst: number) => SendLimiter;

const implementations = seamImplementations<Limiters>(
  () => createMemorySendLimiter,
  (client, prefix) => Object.assign((rate: number, burst: number) => createRedisSendLimiter(client, rate, burst, { log: quietLog, prefix }), { close: () => undefined }),
);

/** Resolves with the `RATE_LIMITED` error `consume` threw; fails the test if it allowed the send. */
async function refusal(limiter: SendLimiter, userId: string): Promise<AppError> {
  const error: unknown = await limiter.consume(userId).then(
    () => new Error('allowed'),
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof AppError)) throw new Error(`expected RATE_LIMITED, got ${String(error)}`);
  expect(error.code).toBe('RATE_LIMITED');
  return error;
}

const consumeTimes = async (limiter: SendLimiter, userId: string, times: number) => {
  for (let i = 0; i < times; i++) await limiter.consume(userId);
};

/**
 * `SendLimiter` (CONVENTIONS § Scale-out seams): the same cases against memory and Redis. "Processes" are
 * limiters on one Redis and prefix; memory has no such cases.
 */
describe.each(implementations)('SendLimiter ($name)', ({ crossProcess, open }) => {
  // Cases that need two instances sharing state exist only where there is more than one process (Redis).
  const acrossProcesses = crossProcess ? it : () => undefined;
  const world = useSeamWorld(open);

  it('allows the burst, then refuses with RATE_LIMITED and retryAfterMs up to the window; users are apart', async () => {
    const limiter = world().process()(1, 3);
    await consumeTimes(limiter, 'u1', 3);
    const error = await refusal(limiter, 'u1');
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterMs).toBeLessThanOrEqual(3_000);
    expect(error.details).toEqual({ retryAfterMs: error.retryAfterMs });
    await consumeTimes(limiter, 'u2', 3);
  });

  it('keeps a sub-second window exact and allows again once it has passed', async () => {
    const limiter = world().process()(20, 2); // 2 sends per 100 ms window
    await consumeTimes(limiter, 'u1', 2);
    const error = await refusal(limiter, 'u1');
    expect(error.retryAfterMs).toBeLessThanOrEqual(100);
    await new Promise((resolve) => setTimeout(resolve, (error.retryAfterMs ?? 0) + 20));
    await consumeTimes(limiter, 'u1', 2);
  });

  it('never refuses when the rate is 0', async () => {
    await consumeTimes(world().process()(0, 1), 'u1', 50);
  });

  // Memory: one process only; the cases below need two instances sharing state.
  acrossProcesses('shares one allowance between processes', async () => {
    const [a, b] = [world().process()(1, 3), world().process()(1, 3)];
    await consumeTimes(a, 'u1', 2);
    await consumeTimes(b, 'u1', 1);
    await refusal(a, 'u1');
    await refusal(b, 'u1');
  });
});
