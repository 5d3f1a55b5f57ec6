import { createHash } from 'node:crypto';
import { ErrorReply, type RedisClientType } from 'redis';

/** A Lua script run by its SHA-1 (`EVALSHA`), loaded with `EVAL` when Redis does not know it yet. */
export interface LuaScript {
  /** Runs the script with `keys` and `args`; resolves with Redis's raw reply. Rejects with node-redis errors. */
  run(client: RedisClientType, keys: string[], args: string[]): Promise<unknown>;
}

/**
 * Wraps `source` (Redis scripting, https://redis.io/docs/latest/develop/programmability/eval-intro/): a
 * script runs atomically, which is what makes the seams' read-then-write steps safe across processes.
 * The scripts compute some key names inside, so they suit one Redis server (or a primary with replicas),
 * not Redis Cluster.
 */
export function luaScript(source: string): LuaScript {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    async run(client, keys, args) {
      try {
        return await client.evalSha(sha, { keys, arguments: args });
      } catch (error) {
        if (!(error instanceof ErrorReply) || !error.message.startsWith('NOSCRIPT')) throw error;
        return client.eval(source, { keys, arguments: args });
      }
    },
  };
}

/** `reply` as an integer; throws `TypeError` for anything else (a script that answered unexpectedly). */
export function integerReply(reply: unknown): number {
  if (typeof reply !== 'number') throw new TypeError(`Expected an integer reply, got ${typeof reply}`);
  return reply;
}

/** `reply` as an array of strings; throws `TypeError` for anything else. */
export function stringsReply(reply: unknown): string[] {
  if (!Array.isArray(reply) || !reply.every((item): item is string => typeof item === 'string')) throw new TypeError('Expected an array of strings');
  return reply;
}
