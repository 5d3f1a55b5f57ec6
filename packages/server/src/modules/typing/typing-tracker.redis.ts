import { TYPING_TIMEOUT_MS } from '@parley/protocol';
import type { Logger } from 'pino';
import type { RedisClientType } from 'redis';
import { createFailSoft } from '../../redis/fail-soft.js';
import { integerReply, luaScript, stringsReply } from '../../redis/lua-script.js';
import type { TypingChange, TypingTracker } from './typing-tracker.js';

/** Options of {@link createRedisTypingTracker}. */
export interface RedisTypingTrackerOptions {
  /** Hears every change this process must report (the service fans it out through rooms). */
  onChange: (change: TypingChange) => void;
  /** Logs outages (once each) and recoveries. */
  log: Logger;
  /** Prefix of every key (default `parley:`). */
  prefix?: string;
  /** How long a `true` lasts without a repeat (ms, default `TYPING_TIMEOUT_MS`, 6000). */
  timeoutMs?: number;
  /** How often each process claims expiries nobody claimed (ms, default 1000). */
  sweepIntervalMs?: number;
  /** How long past its deadline an expiry waits for its own process before any process may claim it (ms, default 1000). */
  sweepGraceMs?: number;
  /** Bound on one Redis call before the process-local answer is used (ms, default 1000). */
  commandTimeoutMs?: number;
}

/** Lua: `now()` in ms by Redis's clock, so deadlines do not depend on the processes' clocks agreeing. */
const NOW = `local function now() local t = redis.call('TIME') return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) end
`;
/** KEYS[1] deadlines; ARGV member, timeoutMs: (re)sets the member's deadline to now + timeoutMs. */
const START = luaScript(`${NOW}return redis.call('ZADD', KEYS[1], now() + tonumber(ARGV[2]), ARGV[1])`);
/** KEYS[1] deadlines; ARGV member → 1 when it was there (and is now removed), else 0. */
const STOP = luaScript(`return redis.call('ZREM', KEYS[1], ARGV[1])`);
/** KEYS[1] deadlines; ARGV member → -1 gone (claimed or stopped elsewhere), 0 claimed by us, n > 0 due in n ms. */
const CLAIM = luaScript(`${NOW}local deadline = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not deadline then return -1 end
local left = tonumber(deadline) - now()
if left > 0 then return math.ceil(left) end
redis.call('ZREM', KEYS[1], ARGV[1])
return 0`);
/** KEYS[1] deadlines; ARGV graceMs, limit → the members overdue by more than graceMs, now removed (claimed). */
const SWEEP = luaScript(`${NOW}local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now() - tonumber(ARGV[1]), 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do redis.call('ZREM', KEYS[1], member) end
return due`);

/** Most expiries one sweep claims (the next sweep takes the rest). */
const SWEEP_LIMIT = 500;

/**
 * {@link TypingTracker} shared by many processes (issue 8) so that each `isTyping` change is reported once
 * across them. Key: `<prefix>typing:deadlines`, a sorted set of `["<conversationId>","<userId>"]` scored by
 * the expiry deadline (ms, Redis's clock).
 *
 * - `true`: the deadline is (re)set to now + `timeoutMs`; reported by the process that received it (every
 *   `true`, as in memory), which arms a local timer for the deadline.
 * - `false`: reported only if the member was still there (`ZREM` answered 1), on whichever process got it.
 * - Expiry: the timer's process claims it with a compare-and-delete script (only if the deadline has passed;
 *   a later deadline set by a repeat on any process re-arms the timer instead). The claim is atomic, so the
 *   server's `false` is reported exactly once across processes.
 * - Crash bound: if the process holding the timer dies, any live process's sweep (every `sweepIntervalMs`)
 *   claims the expiry once it is `sweepGraceMs` overdue: at most timeout + grace + sweep interval after the
 *   last `true` (default 6 + 1 + 1 = 8 s).
 *
 * While Redis is unreachable it behaves like the memory tracker for this process's own timers (a `false` or
 * an expiry is reported if this process knew the user was typing); a change may then be reported twice
 * (once here, once by a sweep after the outage): harmless, `false` is idempotent for clients. Logs once per
 * outage; `set` never rejects. `close()` stops this process's timers and its sweep.
 */
export function createRedisTypingTracker(client: RedisClientType, options: RedisTypingTrackerOptions): TypingTracker {
  const { onChange } = options;
  const key = `${options.prefix ?? 'parley:'}typing:deadlines`;
  const timeoutMs = options.timeoutMs ?? TYPING_TIMEOUT_MS;
  const soft = createFailSoft(options.log, 'typing', options.commandTimeoutMs);
  /** member → this process's timer for its deadline. */
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;
  const memberOf = (change: TypingChange) => JSON.stringify([change.conversationId, change.userId]);
  const expired = (member: string): TypingChange | undefined => {
    const parsed: unknown = JSON.parse(member);
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return undefined;
    return { conversationId: parsed[0], userId: parsed[1], isTyping: false };
  };

  const disarm = (member: string): boolean => {
    const timer = timers.get(member);
    clearTimeout(timer);
    return timers.delete(member);
  };
  const arm = (member: string, ms: number) => {
    disarm(member);
    if (closed) return;
    timers.set(member, setTimeout(() => void expire(member), ms));
  };
  /** This process's timer fired: claim the expiry, or follow a later deadline. */
  async function expire(member: string): Promise<void> {
    timers.delete(member);
    const left = await soft.attempt(
      async () => integerReply(await CLAIM.run(client, [key], [member])),
      () => 0, // Redis unreachable: this process knew the user was typing, so it reports the expiry.
    );
    if (left > 0) arm(member, left);
    const change = left === 0 ? expired(member) : undefined;
    if (change && !closed) onChange(change);
  }

  const sweeper = setInterval(() => {
    void soft
      .attempt(
        async () => stringsReply(await SWEEP.run(client, [key], [String(options.sweepGraceMs ?? 1_000), String(SWEEP_LIMIT)])),
        (): string[] => [],
      )
      .then((members) => {
        for (const member of members) {
          disarm(member);
          const change = expired(member);
          if (change && !closed) onChange(change);
        }
      });
  }, options.sweepIntervalMs ?? 1_000).unref();

  return {
    async set(change) {
      const member = memberOf(change);
      if (change.isTyping) {
        // Armed after Redis's answer, so the timer never fires before the deadline Redis recorded.
        await soft.attempt(
          () => START.run(client, [key], [member, String(timeoutMs)]),
          () => undefined,
        );
        arm(member, timeoutMs);
        onChange(change);
        return;
      }
      const removed = await soft.attempt(
        async () => integerReply(await STOP.run(client, [key], [member])),
        () => (timers.has(member) ? 1 : 0),
      );
      disarm(member);
      if (removed === 1) onChange(change);
    },
    close() {
      closed = true;
      clearInterval(sweeper);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
