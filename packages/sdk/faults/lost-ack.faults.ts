import type { Message } from '@parley/protocol';
import { Outbox, ParleyClient, ParleyError, type OutboxStatus } from '@parley/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type ProjectFixture } from '../../server/test/support/factories.js';
import { startTestServer, type TestServer } from '../../server/test/support/server.js';
import { connected } from '../test/support/sdk.js';
import { NO_FAULTS, compareWithHistory, readHistory, whenConnected, within } from './support.js';

// Issue 4, fault test 2: a send whose acknowledgement is lost, through a real connection cut after the
// commit, is retried by the outbox with the same clientId and answers the same stored message: one row.
//
// The cut: the server emits `message:new` to every participant's sockets (the sender's own included)
// synchronously after the commit and only then acknowledges the send, so on the sender's connection the
// `message:new` of a send arrives before its acknowledgement. Closing the sender's transport from that
// `message:new` listener drops the acknowledgement that follows it on the wire. The retry goes over REST
// in some rounds and over the re-established socket in others.

/** Rounds: each cuts one send's acknowledgement. */
const ROUNDS = 5;
const BOUND_MS = 20_000;

describe('fault: a send whose acknowledgement is lost', () => {
  let t: TestServer;
  let fixture: ProjectFixture;
  let sender: ParleyClient;
  let observer: ParleyClient;
  const observed: Message[] = [];

  beforeAll(async () => {
    t = await startTestServer();
    fixture = await createProject(t);
    sender = new ParleyClient({ url: t.url, token: fixture.client.token });
    observer = new ParleyClient({ url: t.url, token: fixture.provider.token });
    observer.stream.onMessage((message) => observed.push(message));
    observer.stream.track(fixture.conversation.id, 0);
    await Promise.all([connected(sender), connected(observer)]);
  });

  afterAll(async () => {
    sender?.realtime.disconnect();
    observer?.realtime.disconnect();
    await t?.close();
  });

  it('is retried with the same clientId after a cut right after the commit, and returns the same message', async () => {
    const conversationId = fixture.conversation.id;
    for (let round = 0; round < ROUNDS; round += 1) {
      await whenConnected(sender, BOUND_MS);
      const attempts: { via: 'socket' | 'rest'; outcome: string }[] = [];
      let committed: Message | null = null;
      let cutAt: number | null = null;

      // The client's own transport (socket when connected, else REST), wrapped: the first attempt arms the cut.
      // In even rounds the retry goes out at once (over REST while the socket is still reconnecting); in odd
      // rounds it waits for the socket to come back and goes over the new connection.
      const retryOverSocket = round % 2 === 1;
      const outbox = new Outbox(async (id, body) => {
        if (attempts.length > 0 && retryOverSocket) await whenConnected(sender, BOUND_MS);
        const via = sender.realtime.getStatus().state === 'connected' ? 'socket' : 'rest';
        if (attempts.length === 0) {
          const off = sender.on('message:new', ({ message }) => {
            if (message.clientId !== body.clientId) return;
            off();
            committed = message;
            cutAt = Date.now();
            sender.realtime.socket.io.engine.close(); // the acknowledgement, next on the wire, never arrives
          });
        }
        try {
          const stored = via === 'socket' ? await sender.live.send(id, body) : await sender.messages.send(id, body);
          attempts.push({ via, outcome: `stored ${stored.id}` });
          return stored;
        } catch (error) {
          attempts.push({ via, outcome: error instanceof ParleyError ? error.code : String(error) });
          throw error;
        }
      });
      const statuses: OutboxStatus[] = [];
      outbox.onChange((entry) => statuses.push(entry.status));

      const entry = await within(outbox.send(conversationId, { text: `acknowledgement lost ${round}` }), BOUND_MS, 'the send never settled');

      // The first attempt went over the socket, was committed (its message:new arrived), and lost its ack.
      expect(cutAt, 'the connection was never cut').not.toBeNull();
      expect(attempts[0]).toEqual({ via: 'socket', outcome: 'NETWORK_ERROR' });
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      if (retryOverSocket) expect(attempts.slice(1).map((a) => a.via)).toEqual(attempts.slice(1).map(() => 'socket'));
      // The retry, with the same clientId, answered the message the first attempt stored.
      expect(entry).toMatchObject({ status: 'sent', error: null, attempts: attempts.length });
      expect(statuses).toEqual(['pending', 'sent']);
      const first = committed as Message | null;
      expect(entry.message?.id).toBe(first?.id);
      expect(entry.message?.seq).toBe(first?.seq);
      expect(entry.message?.clientId).toBe(entry.clientId);

      // Exactly one row with that clientId, in the database and in the history over REST.
      const rows = await t.server.database.db
        .selectFrom('messages')
        .select('id')
        .where('conversation_id', '=', conversationId)
        .where('client_id', '=', entry.clientId)
        .execute();
      expect(rows).toEqual([{ id: first?.id }]);
      const history = await readHistory(sender, conversationId);
      expect(history.filter((m) => m.clientId === entry.clientId).map((m) => m.id)).toEqual([first?.id]);
      console.log(`fault test 2, round ${round}: ${attempts.map((a) => `${a.via} → ${a.outcome}`).join(', ')}`);
    }

    // The other participant's stream shows each message once, in order.
    await within(observer.stream.sync(conversationId), BOUND_MS, 'catch-up did not finish');
    const history = await readHistory(observer, conversationId);
    expect(history.filter((m) => m.type !== 'system')).toHaveLength(ROUNDS);
    expect(compareWithHistory(observed, history)).toEqual(NO_FAULTS);
  });
});
