import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { RedisClientType } from 'redis';
import { createFailSoft } from './fail-soft.js';
import { integerReply, luaScript, stringsReply } from './lua-script.js';

/** Default interval between two heartbeats of a process (ms). */
export const DEFAULT_HEARTBEAT_MS = 5_000;
/** Default lifetime of a heartbeat (ms): a process silent this long is dead and its entries stop counting. */
export const DEFAULT_PROCESS_TTL_MS = 15_000;

/** Options shared by the Redis seams whose entries belong to a process (presence, viewing). */
export interface ProcessEntriesOptions {
  /** Logs outages (once each) and recoveries. */
  log: Logger;
  /** Prefix of every key (default `parley:`); tests use a random one per test. */
  prefix?: string;
  /** This process's id in Redis (default `<hostname>:<pid>:<random>`); must not contain `|`. */
  processId?: string;
  /** Heartbeat interval (ms, default 5000). */
  heartbeatMs?: number;
  /** Heartbeat lifetime (ms, default 15000; keep it ≥ 2 × `heartbeatMs`): the crash bound. */
  ttlMs?: number;
  /** Bound on one Redis call before the process-local answer is used (ms, default 1000). */
  commandTimeoutMs?: number;
}

/**
 * Hash fields owned by this process, counted only while their process is alive. Each hash field's
 * value is `<processId>|<value>`; `<ns>owned:<pid>` lists the fields a process owns (`<key>\n<field>`);
 * `<ns>alive:<pid>` is a key with a `ttlMs` expiry that the heartbeat renews every `heartbeatMs`;
 * `<ns>processes` lists the processes seen. A process whose alive key has expired is dead: its fields are
 * ignored at once and deleted by the next heartbeat of any live process (the sweep).
 *
 * Every method fails soft: while Redis is unreachable it answers from this process's own fields (kept in
 * memory), and the first heartbeat that succeeds afterwards re-asserts them (the resync), also after a
 * Redis restart that lost everything.
 */
export interface ProcessEntries {
  /** This process's id. */
  readonly processId: string;
  /** Sets `field` (no newline) of hash `key`; resolves with how many live fields `key` had besides it. */
  put(key: string, field: string, value: string): Promise<number>;
  /** Deletes `field` of `key`; resolves with the live fields left, or null when neither Redis nor this process had it. */
  remove(key: string, field: string): Promise<number | null>;
  /** The values of the live fields of each of `keys`, in order. */
  live(keys: string[]): Promise<string[][]>;
  /** Stops the heartbeat and deletes this process's fields (best effort). */
  close(): Promise<void>;
}

/** A Redis seam whose entries belong to this process: `close()` retires it (call after its sockets are gone). */
export interface ProcessScoped {
  /** Stops the heartbeat and deletes this process's entries from Redis (best effort; never rejects). */
  close(): Promise<void>;
}

/** Lua helpers: `ARGV[1]` is the namespace; a process is alive while `<ns>alive:<pid>` exists. */
const LIVENESS = `
local ns = ARGV[1]
local known = {}
local function owner(value) return string.match(value, '^([^|]*)|') end
local function alive(pid)
  if pid == nil then return false end
  if known[pid] == nil then known[pid] = redis.call('EXISTS', ns .. 'alive:' .. pid) == 1 end
  return known[pid]
end
local function countLive(key, except)
  local all = redis.call('HGETALL', key)
  local count = 0
  for i = 1, #all, 2 do
    if all[i] ~= except and alive(owner(all[i + 1])) then count = count + 1 end
  end
  return count
end
`;

/** KEYS[1] hash; ARGV ns, field, pid, value → live fields besides `field`, then sets it. */
const PUT = luaScript(`${LIVENESS}
local before = countLive(KEYS[1], ARGV[2])
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3] .. '|' .. ARGV[4])
redis.call('SADD', ns .. 'owned:' .. ARGV[3], KEYS[1] .. '\\n' .. ARGV[2])
return before`);

/** KEYS[1] hash; ARGV ns, field, pid → { deleted (0/1), live fields left }. */
const REMOVE = luaScript(`${LIVENESS}
local deleted = redis.call('HDEL', KEYS[1], ARGV[2])
redis.call('SREM', ns .. 'owned:' .. ARGV[3], KEYS[1] .. '\\n' .. ARGV[2])
return { deleted, countLive(KEYS[1], nil) }`);

/** KEYS hashes; ARGV ns → per hash, the values of its live fields. */
const LIVE = luaScript(`${LIVENESS}
local out = {}
for k = 1, #KEYS do
  local values = {}
  local all = redis.call('HGETALL', KEYS[k])
  for i = 1, #all, 2 do
    local pid, rest = string.match(all[i + 1], '^([^|]*)|(.*)$')
    if alive(pid) then values[#values + 1] = rest end
  end
  out[k] = values
end
return out`);

/** Deletes the fields of every dead process (after {@link LIVENESS}). */
const SWEEP = `
for _, pid in ipairs(redis.call('SMEMBERS', ns .. 'processes')) do
  if not alive(pid) then
    local owned = ns .. 'owned:' .. pid
    for _, member in ipairs(redis.call('SMEMBERS', owned)) do
      local key, field = string.match(member, '^(.*)\\n([^\\n]*)$')
      local value = redis.call('HGET', key, field)
      if value and owner(value) == pid then redis.call('HDEL', key, field) end
    end
    redis.call('DEL', owned)
    redis.call('SREM', ns .. 'processes', pid)
  end
end`;

/**
 * ARGV ns, pid, ttlMs → 1 when this process's alive key was still there (0: it expired or Redis lost it,
 * so the caller resyncs). Renews it, then sweeps the dead processes' fields.
 */
const HEARTBEAT = luaScript(`${LIVENESS}
local aliveKey = ns .. 'alive:' .. ARGV[2]
local had = redis.call('EXISTS', aliveKey)
redis.call('SET', aliveKey, '1', 'PX', ARGV[3])
redis.call('SADD', ns .. 'processes', ARGV[2])
${SWEEP}
return had`);

/** ARGV ns, pid: this process is closing: it is dead from now on and its fields are swept. */
const RETIRE = luaScript(`${LIVENESS}
redis.call('DEL', ns .. 'alive:' .. ARGV[2])
${SWEEP}
return 0`);

/** A process id unique across hosts and restarts. */
function defaultProcessId(): string {
  return `${hostname().replaceAll('|', '_')}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Opens the {@link ProcessEntries} of namespace `namespace` (full key prefix, e.g. `parley:presence:`)
 * and starts its heartbeat (an unref'd timer). Crash bound: a dead process's fields count for at most
 * `ttlMs` after its last heartbeat, and are deleted within `heartbeatMs` more by a live process.
 * Never rejects; Redis errors are logged once per outage under `component`. Throws `RangeError` when
 * `ttlMs` is not above `heartbeatMs` (a live process would flicker dead between two beats).
 */
export function createProcessEntries(client: RedisClientType, namespace: string, component: string, options: ProcessEntriesOptions): ProcessEntries {
  const processId = options.processId ?? defaultProcessId();
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const ttlMs = options.ttlMs ?? DEFAULT_PROCESS_TTL_MS;
  if (!(ttlMs > heartbeatMs)) throw new RangeError(`ttlMs (${ttlMs}) must exceed heartbeatMs (${heartbeatMs})`);
  const soft = createFailSoft(options.log, component, options.commandTimeoutMs);
  /** This process's fields: key → field → value (the source of the resync and of the fallback answers). */
  const mine = new Map<string, Map<string, string>>();
  /** Fields removed while Redis calls failed, still to delete there: `key\nfield` → [key, field]. */
  const gone = new Map<string, [string, string]>();
  let dirty = false;
  let closed = false;

  const localCount = (key: string, except?: string) => [...(mine.get(key)?.keys() ?? [])].filter((field) => field !== except).length;

  /** Re-asserts this process in one transaction: alive key, its fields, the deletions Redis missed. */
  async function resync(): Promise<void> {
    const batch = client.multi().set(`${namespace}alive:${processId}`, '1', { expiration: { type: 'PX', value: ttlMs } });
    batch.sAdd(`${namespace}processes`, processId);
    for (const [key, fields] of mine) {
      for (const [field, value] of fields) {
        batch.hSet(key, field, `${processId}|${value}`);
        batch.sAdd(`${namespace}owned:${processId}`, `${key}\n${field}`);
      }
    }
    const deletions = [...gone];
    for (const [member, [key, field]] of deletions) batch.hDel(key, field).sRem(`${namespace}owned:${processId}`, member);
    dirty = false;
    await batch.exec();
    for (const [member, entry] of deletions) if (gone.get(member) === entry) gone.delete(member);
  }

  let beating: Promise<void> | undefined;
  const beat = (): Promise<void> => {
    beating ??= soft
      .attempt(
        async () => {
          const had = integerReply(await HEARTBEAT.run(client, [], [namespace, processId, String(ttlMs)]));
          if (had === 0 || dirty) await resync();
        },
        () => {
          dirty = true;
        },
      )
      .finally(() => {
        beating = undefined;
      });
    return beating;
  };
  const ready = beat();
  const timer = setInterval(() => void beat(), heartbeatMs).unref();

  return {
    processId,
    async put(key, field, value) {
      await ready; // the first heartbeat's resync must not already write this field
      const before = localCount(key, field);
      const fields = mine.get(key) ?? new Map<string, string>();
      fields.set(field, value);
      mine.set(key, fields);
      gone.delete(`${key}\n${field}`);
      return soft.attempt(
        async () => integerReply(await PUT.run(client, [key], [namespace, field, processId, value])),
        () => {
          dirty = true;
          return before;
        },
      );
    },
    async remove(key, field) {
      await ready;
      const fields = mine.get(key);
      const hadIt = fields?.delete(field) ?? false;
      if (fields?.size === 0) mine.delete(key);
      return soft.attempt(
        async () => {
          const reply = await REMOVE.run(client, [key], [namespace, field, processId]);
          if (!Array.isArray(reply)) throw new TypeError('Expected { deleted, left }');
          const [deleted, left] = reply.map(integerReply);
          return deleted === 1 || hadIt ? (left ?? 0) : null;
        },
        () => {
          dirty = true;
          if (hadIt) gone.set(`${key}\n${field}`, [key, field]);
          return hadIt ? localCount(key) : null;
        },
      );
    },
    async live(keys) {
      await ready;
      return soft.attempt(
        async () => {
          const reply = await LIVE.run(client, keys, [namespace]);
          if (!Array.isArray(reply)) throw new TypeError('Expected one array per key');
          return reply.map(stringsReply);
        },
        () => keys.map((key) => [...(mine.get(key)?.values() ?? [])]),
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      await beating;
      mine.clear();
      gone.clear();
      await soft.attempt(
        () => RETIRE.run(client, [], [namespace, processId]),
        () => undefined,
      );
    },
  };
}
