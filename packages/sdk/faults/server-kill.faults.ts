import type { Message } from '@parley/protocol';
import { ParleyClient, type OutboxEntry } from '@parley/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProjectThrough,
  freePort,
  killAll,
  startParley,
  tempDir,
  type ParleyProcess,
  type ProcessActor,
} from '../../server/test/support/processes.js';
import { NO_FAULTS, compareWithHistory, readHistory, whenConnected, within } from './support.js';

// Issue 4, fault test 3: a server process SIGKILLed during a send stream and restarted on the same SQLite
// file and the same port. The SDK clients are never told: their sockets reconnect by themselves, their
// outboxes retry what was in flight with the same clientId, and their streams catch up. In the end every
// acknowledged message is stored (same id, seq and text), none twice, and every stream holds the whole
// history once, in order.

const PROJECTS = 2;
/** Each client's rate: one message every 100 ms (10 msg/s). */
const SEND_INTERVAL_MS = 100;
/** Acknowledged sends before the kill, and after the restart before the senders stop. */
const BEFORE_KILL = 150;
const AFTER_RESTART = 150;
/** Bound on each phase (ms). */
const PHASE_MS = 60_000;

interface Participant {
  actor: ProcessActor;
  client: ParleyClient;
  conversationId: string;
  delivered: Message[];
  connects: number;
}

describe('fault: the server killed with SIGKILL during a send stream', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let env: Record<string, string>;
  let first: ParleyProcess;
  const participants: Participant[] = [];

  beforeAll(async () => {
    dir = await tempDir();
    env = { PARLEY_DATABASE_URL: `sqlite:${dir.path}/faults.db`, PARLEY_SEND_RATE: '0', PORT: String(await freePort()) };
    first = await startParley(env);
    for (let p = 0; p < PROJECTS; p += 1) {
      const { client, provider, conversationId } = await createProjectThrough(first);
      for (const actor of [client, provider]) {
        // A retry policy that outlasts a restart (the default gives up after about 15 s of failures).
        const sdk = new ParleyClient({ url: first.url, token: actor.token, outbox: { maxAttempts: 30, maxDelayMs: 2000 } });
        const participant: Participant = { actor, client: sdk, conversationId, delivered: [], connects: 0 };
        sdk.stream.onMessage((message) => participant.delivered.push(message));
        sdk.realtime.socket.on('connect', () => (participant.connects += 1));
        sdk.stream.track(conversationId, 0);
        participants.push(participant);
      }
    }
    for (const p of participants) p.client.realtime.connect();
    await Promise.all(participants.map((p) => whenConnected(p.client, PHASE_MS)));
  });

  afterAll(async () => {
    for (const p of participants) p.client.realtime.disconnect();
    await killAll();
    await dir?.remove();
  });

  it('keeps every acknowledged message, and every client reconnects by itself and catches up once, in order', async () => {
    const started = Date.now();
    const sends: Promise<OutboxEntry>[] = [];
    let acked = 0;
    let ackedAfterRestart = 0;
    let restarted = false;
    let onAck = () => {};
    const timers = participants.map((p, i) => {
      let n = 0;
      return setInterval(() => {
        const sent = p.client.outbox.send(p.conversationId, { text: `client ${i} message ${n++}` });
        sends.push(sent);
        void sent.then((entry) => {
          if (entry.status !== 'sent') return;
          acked += 1;
          if (restarted) ackedAfterRestart += 1;
          onAck();
        });
      }, SEND_INTERVAL_MS);
    });
    const ackCount = (count: () => number, target: number) =>
      new Promise<void>((resolve) => {
        onAck = () => {
          if (count() >= target) resolve();
        };
        onAck();
      });

    // Kill the process mid-stream, sends in flight; restart it on the same file and port.
    await within(ackCount(() => acked, BEFORE_KILL), PHASE_MS, `fewer than ${BEFORE_KILL} sends acknowledged`);
    first.process.child.kill('SIGKILL');
    expect((await first.process.waitForExit(10_000)).signal).toBe('SIGKILL');
    const ackedBeforeRestart = acked;
    const downAt = Date.now();
    const second = await startParley(env);
    const downMs = Date.now() - downAt;
    expect(second.url).toBe(first.url);
    restarted = true;

    // Keep sending until enough sends are acknowledged by the new process, then stop and let everything settle.
    await within(ackCount(() => ackedAfterRestart, AFTER_RESTART), PHASE_MS, `fewer than ${AFTER_RESTART} sends acknowledged after the restart`);
    for (const timer of timers) clearInterval(timer);
    const entries = await within(Promise.all(sends), PHASE_MS, 'outbox entries still pending');
    await within(Promise.all(participants.map((p) => whenConnected(p.client, PHASE_MS))), PHASE_MS, 'not every client reconnected');
    await within(Promise.all(participants.map((p) => p.client.stream.sync(p.conversationId))), PHASE_MS, 'catch-up did not finish');

    // Every send was acknowledged in the end, and every acknowledged message is stored as acknowledged, once.
    expect(entries.filter((e) => e.status !== 'sent').map((e) => `${e.body.text}: ${e.error?.code}`)).toEqual([]);
    const histories = new Map<string, Message[]>();
    for (const p of participants) if (!histories.has(p.conversationId)) histories.set(p.conversationId, await readHistory(p.client, p.conversationId));
    const missing = entries.filter((e) => {
      const stored = histories.get(e.conversationId)?.find((m) => m.id === e.message?.id);
      return stored?.seq !== e.message?.seq || stored?.text !== e.body.text;
    });
    expect(missing.map((e) => e.body.text)).toEqual([]);
    for (const [conversationId, history] of histories) {
      expect(history.map((m) => m.seq)).toEqual(history.map((_, i) => i + 1));
      const clientIds = history.filter((m) => m.clientId !== null).map((m) => m.clientId);
      expect(new Set(clientIds).size).toBe(clientIds.length);
      expect(clientIds).toHaveLength(entries.filter((e) => e.conversationId === conversationId).length);
    }

    // Every client reconnected on its own (no connect() after the first) and its stream holds the history once, in order.
    for (const p of participants) expect(p.connects, p.actor.id).toBeGreaterThanOrEqual(2);
    const faults = participants.map((p) => ({ user: p.actor.id, ...compareWithHistory(p.delivered, histories.get(p.conversationId) ?? []) }));
    expect(faults).toEqual(participants.map((p) => ({ user: p.actor.id, ...NO_FAULTS })));

    const retries = entries.reduce((sum, e) => sum + e.attempts - 1, 0);
    const deliveries = participants.reduce((sum, p) => sum + p.delivered.length, 0);
    console.log(
      [
        `fault test 3: ${entries.length} messages sent (${ackedBeforeRestart} acknowledged before the SIGKILL), ${retries} outbox retries`,
        `server down ${(downMs / 1000).toFixed(1)} s (restart on the same port and SQLite file)`,
        `${deliveries} deliveries to ${participants.length} clients (0 lost, 0 twice, in order); ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
      ].join('\n'),
    );
  });
});
