import type { Message } from '@parley/protocol';
import { ParleyClient, type OutboxEntry } from '@parley/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, expectStatus, signIn, type Actor } from '../../server/test/support/factories.js';
import { startTestServer, type TestServer } from '../../server/test/support/server.js';
import { connected } from '../test/support/sdk.js';
import { DURATION_S, NO_FAULTS, SEED, compareWithHistory, readHistory, seededRandom, whenConnected, within } from './support.js';

// Issue 4, fault test 1: the stream under forced disconnects. 20 SDK clients in 4 agency projects (client,
// agency and 3 assigned workers each) receive while 5 of them send through `client.outbox` for
// FAULTS_DURATION_S seconds, and their transports are force-closed 100 times in all at random moments
// (Socket.IO reconnects by itself). In the end every stream holds its conversation's stored history:
// nothing lost, nothing twice, `seq` strictly increasing.

const CONVERSATIONS = 4;
const WORKERS_PER_PROJECT = 3;
const SENDERS = 5;
/** Each sender's rate: one message every 200 ms (5 msg/s). */
const SEND_INTERVAL_MS = 200;
/** Forced transport closes over all receivers (each receiver gets its share, at least one). */
const DISCONNECTS = 100;
/** Bound on each end-of-run phase (ms): closes done, outboxes settled, everyone connected, streams caught up. */
const SETTLE_MS = 60_000;

interface Receiver {
  actor: Actor;
  client: ParleyClient;
  conversationId: string;
  delivered: Message[];
  connects: number;
  streamErrors: number;
}

describe('fault: the message stream under forced disconnects', () => {
  let t: TestServer;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    t = await startTestServer();
    for (let c = 0; c < CONVERSATIONS; c += 1) {
      const { client, provider: agency, project, conversation } = await createProject(t, { agency: true, title: `Faults ${c}` });
      const workers: Actor[] = [];
      for (let w = 0; w < WORKERS_PER_PROJECT; w += 1) {
        const worker = await signIn(t, { role: 'worker', agencyId: agency.id });
        await expectStatus(t.api(agency.token, 'POST', `/projects/${project.id}/workers`, { userId: worker.id }), 200);
        workers.push(worker);
      }
      for (const actor of [client, agency, ...workers]) {
        const receiver: Receiver = {
          actor,
          client: new ParleyClient({ url: t.url, token: actor.token }),
          conversationId: conversation.id,
          delivered: [],
          connects: 0,
          streamErrors: 0,
        };
        receiver.client.stream.onMessage((message) => receiver.delivered.push(message));
        receiver.client.stream.onError(() => (receiver.streamErrors += 1));
        receiver.client.realtime.socket.on('connect', () => (receiver.connects += 1));
        receiver.client.stream.track(conversation.id, 0);
        receivers.push(receiver);
      }
    }
    await Promise.all(receivers.map((r) => connected(r.client)));
  });

  afterAll(async () => {
    for (const r of receivers) r.client.realtime.disconnect();
    await t?.close();
  });

  it(`loses nothing, repeats nothing and keeps seq order through ${DISCONNECTS} forced disconnects`, async () => {
    expect(receivers).toHaveLength(CONVERSATIONS * (2 + WORKERS_PER_PROJECT));
    const random = seededRandom(SEED);
    const durationMs = DURATION_S * 1000;
    const started = Date.now();

    // Senders: one participant per conversation, then more round-robin (5 senders over 4 conversations).
    const perConversation = 2 + WORKERS_PER_PROJECT;
    const senders = Array.from({ length: SENDERS }, (_, i) => {
      const sender = receivers[(i % CONVERSATIONS) * perConversation + Math.floor(i / CONVERSATIONS)];
      if (!sender) throw new Error(`no sender ${i}`);
      return sender;
    });
    const sends: Promise<OutboxEntry>[] = [];
    let sending = true;
    const timers = senders.map((sender, i) => {
      let n = 0;
      const send = () => {
        if (sending) sends.push(sender.client.outbox.send(sender.conversationId, { text: `sender ${i} message ${n++}` }));
      };
      return setInterval(send, SEND_INTERVAL_MS);
    });

    // Forced disconnects: each receiver's share at random moments of the run. A close that falls while the
    // receiver is still reconnecting happens right after its next connection instead, so every one counts.
    let forcedCloses = 0;
    const forceClose = (receiver: Receiver) =>
      new Promise<void>((resolve) => {
        const attempt = () => {
          if (!receiver.client.realtime.socket.connected) {
            receiver.client.realtime.socket.once('connect', () => setImmediate(attempt));
            return;
          }
          receiver.client.realtime.socket.io.engine.close();
          forcedCloses += 1;
          resolve();
        };
        attempt();
      });
    const shares = receivers.map((_, i) => Math.floor(DISCONNECTS / receivers.length) + (i < DISCONNECTS % receivers.length ? 1 : 0));
    const closing: Promise<void>[] = [];
    const closeTimers = receivers.flatMap((receiver, i) =>
      Array.from({ length: shares[i] ?? 0 }, () => {
        const at = durationMs * (0.02 + 0.9 * random());
        let done = () => {};
        closing.push(new Promise<void>((resolve) => (done = resolve)));
        return setTimeout(() => void forceClose(receiver).then(done), at);
      }),
    );

    // The run: a timer for its end is the workload's length, not a wait for a condition.
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    sending = false;
    for (const timer of timers) clearInterval(timer);

    // Settle: every scheduled close done, every outbox entry answered, everyone connected, every stream caught up.
    await within(Promise.all(closing), SETTLE_MS, 'forced closes still waiting for a connection');
    const entries = await within(Promise.all(sends), SETTLE_MS, 'outbox entries still pending');
    await within(Promise.all(receivers.map((r) => whenConnected(r.client, SETTLE_MS))), SETTLE_MS, 'not every client reconnected');
    const beforeSync = receivers.reduce((sum, r) => sum + r.delivered.length, 0);
    await within(Promise.all(receivers.map((r) => r.client.stream.sync(r.conversationId))), SETTLE_MS, 'catch-up did not finish');
    for (const timer of closeTimers) clearTimeout(timer);

    // Every send was stored (no entry gave up) and is in its conversation's history, once.
    const failed = entries.filter((e) => e.status !== 'sent').map((e) => `${e.body.text}: ${e.error?.code}`);
    expect(failed).toEqual([]);
    const histories = new Map<string, Message[]>();
    for (const r of receivers) if (!histories.has(r.conversationId)) histories.set(r.conversationId, await readHistory(r.client, r.conversationId));
    for (const entry of entries) {
      const history = histories.get(entry.conversationId) ?? [];
      expect(history.filter((m) => m.clientId === entry.clientId).map((m) => m.id)).toEqual([entry.message?.id]);
    }
    for (const [conversationId, history] of histories) {
      expect(history.map((m) => m.seq)).toEqual(history.map((_, i) => i + 1));
      const sent = entries.filter((e) => e.conversationId === conversationId).length;
      expect(history.filter((m) => m.type !== 'system')).toHaveLength(sent);
    }

    // Every receiver: exactly the stored history, once each, in strictly increasing seq.
    const faults = receivers.map((r) => ({ user: r.actor.id, ...compareWithHistory(r.delivered, histories.get(r.conversationId) ?? []) }));
    expect(faults).toEqual(receivers.map((r) => ({ user: r.actor.id, ...NO_FAULTS })));

    const reconnects = receivers.reduce((sum, r) => sum + r.connects - 1, 0);
    expect(forcedCloses).toBe(DISCONNECTS);
    expect(reconnects).toBeGreaterThanOrEqual(DISCONNECTS);
    const deliveries = receivers.reduce((sum, r) => sum + r.delivered.length, 0);
    const retries = entries.reduce((sum, e) => sum + e.attempts - 1, 0);
    const streamErrors = receivers.reduce((sum, r) => sum + r.streamErrors, 0);
    console.log(
      [
        `fault test 1 (seed ${SEED}): ${entries.length} messages sent by ${SENDERS} senders in ${DURATION_S} s`,
        `${deliveries} deliveries to ${receivers.length} receivers (0 lost, 0 twice, in order; ${deliveries - beforeSync} left to the final sync)`,
        `${forcedCloses} forced closes, ${reconnects} reconnects, ${retries} outbox retries, ${streamErrors} catch-up errors`,
        `${((Date.now() - started) / 1000).toFixed(1)} s in all`,
      ].join('\n'),
    );
  });
});
