import type { Message } from '@parley/protocol';
import type { ParleyClient } from '@parley/sdk';
import { within } from '../../server/test/support/processes.js';

// Shared by the fault tests (issue 4): bounded waits, a seeded random schedule, and the checks that a
// client's stream matches the server's history.

export { within };

/** How long the send streams of the fault tests run (s): `FAULTS_DURATION_S`, default 60. */
export const DURATION_S = positiveNumber('FAULTS_DURATION_S', 60);

/** The seed of the random schedules (`FAULTS_SEED`, default a fresh one); printed so a failing run can be repeated. */
export const SEED = positiveNumber('FAULTS_SEED', Math.floor(Math.random() * 2 ** 31));

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same disconnect schedule. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Resolves once `client.realtime` reports `connected` (at once if it already does); rejects after `ms`. */
export function whenConnected(client: ParleyClient, ms: number): Promise<void> {
  if (client.realtime.getStatus().state === 'connected') return Promise.resolve();
  let off = () => {};
  const reached = new Promise<void>((resolve) => {
    off = client.realtime.onStatus(({ state }) => {
      if (state === 'connected') resolve();
    });
  });
  return within(reached, ms, 'the client did not reconnect').finally(off);
}

/** Every message of a conversation in ascending `seq`, read over REST page by page with `after`. */
export async function readHistory(client: ParleyClient, conversationId: string): Promise<Message[]> {
  const all: Message[] = [];
  for (;;) {
    const page = await client.messages.list(conversationId, { after: all.at(-1)?.seq ?? 0, limit: 100 });
    all.push(...page.items);
    if (!page.hasMore || page.items.length === 0) return all;
  }
}

/** What a receiver's stream did wrong against the stored history: missing, doubled and out-of-order messages. */
export interface StreamFaults {
  lost: number[];
  doubled: string[];
  outOfOrder: number;
  unknown: string[];
}

/** Compares what a stream delivered with the conversation's stored history. */
export function compareWithHistory(delivered: readonly Message[], history: readonly Message[]): StreamFaults {
  const ids = new Set<string>();
  const doubled: string[] = [];
  for (const message of delivered) {
    if (ids.has(message.id)) doubled.push(message.id);
    ids.add(message.id);
  }
  let outOfOrder = 0;
  for (let i = 1; i < delivered.length; i += 1) if ((delivered[i]?.seq ?? 0) <= (delivered[i - 1]?.seq ?? 0)) outOfOrder += 1;
  const stored = new Map(history.map((m) => [m.id, m]));
  const unknown = delivered.filter((m) => stored.get(m.id)?.seq !== m.seq).map((m) => m.id);
  const lost = history.filter((m) => !ids.has(m.id)).map((m) => m.seq);
  return { lost, doubled, outOfOrder, unknown };
}

export const NO_FAULTS: StreamFaults = { lost: [], doubled: [], outOfOrder: 0, unknown: [] };
