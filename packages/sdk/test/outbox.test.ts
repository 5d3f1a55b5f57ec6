import { describe, expect, it } from 'vitest';
import { Outbox, ParleyError, type OutboxStatus } from '@parley/sdk';
import { createProject, expectStatus } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { clientPool, connected, useSdkServer } from './support/sdk.js';

// Issue 4 § SDK: an outbox that retries unacknowledged sends with the same clientId (pending, sent, failed);
// docs/delivery.md guarantee 2 on the server side makes the retries safe.

describe('Outbox against a real server', () => {
  let t: TestServer;
  const pool = clientPool();
  useSdkServer(pool, { env: { PARLEY_SEND_RATE: '1', PARLEY_SEND_BURST: '1' } }, (server) => (t = server));

  /** The rows stored under a clientId, read from the database itself. */
  const storedWith = (conversationId: string, clientId: string) =>
    t.server.database.db.selectFrom('messages').select('id').where('conversation_id', '=', conversationId).where('client_id', '=', clientId).execute();

  it('retries a send whose acknowledgement was lost, with the same clientId, and ends with the one stored message', async () => {
    const { client, conversation } = await createProject(t);
    const parley = pool.make(t, client);
    let calls = 0;
    // The first attempt reaches the server and is stored, then its answer is "lost" on the way back.
    const outbox = new Outbox(
      async (conversationId, body) => {
        calls += 1;
        const stored = await parley.messages.send(conversationId, body);
        if (calls === 1) throw new ParleyError('NETWORK_ERROR', 'connection reset after commit', 0);
        return stored;
      },
      { baseDelayMs: 10 },
    );
    const statuses: OutboxStatus[] = [];
    outbox.onChange((entry) => statuses.push(entry.status));

    const entry = await outbox.send(conversation.id, { text: 'sent once, acknowledged once' });
    expect(entry).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(entry.message?.clientId).toBe(entry.clientId);
    expect(statuses).toEqual(['pending', 'sent']);
    expect(await storedWith(conversation.id, entry.clientId)).toEqual([{ id: entry.message?.id }]);
    expect(outbox.unsent()).toEqual([]);
  });

  it('waits out RATE_LIMITED (retryAfterMs) and then sends, over the socket when connected', async () => {
    const { client, conversation } = await createProject(t);
    const parley = pool.make(t, client);
    await connected(parley);
    const first = await parley.outbox.send(conversation.id, { text: 'first of a burst' });
    const second = await parley.outbox.send(conversation.id, { text: 'second of a burst' });
    expect(first.status).toBe('sent');
    expect(second).toMatchObject({ status: 'sent' });
    expect(second.attempts).toBeGreaterThan(1);
    expect((second.message?.seq ?? 0) - (first.message?.seq ?? 0)).toBe(1);
  });

  it('fails at once on a refusal on the merits, and retry() resends with the same clientId', async () => {
    const { client, provider, project, conversation } = await createProject(t);
    const parley = pool.make(t, client);
    await expectStatus(t.api(provider.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);

    const entry = await parley.outbox.send(conversation.id, { text: 'too late' });
    expect(entry).toMatchObject({ status: 'failed', attempts: 1 });
    expect(entry.error?.code).toBe('CONVERSATION_READ_ONLY');
    expect(parley.outbox.unsent().map((e) => e.clientId)).toEqual([entry.clientId]);

    // (This server allows one send per second, so the retry may first wait out RATE_LIMITED.)
    const again = await parley.outbox.retry(entry.clientId);
    expect(again).toMatchObject({ status: 'failed', clientId: entry.clientId });
    expect(again.error?.code).toBe('CONVERSATION_READ_ONLY');
    expect(() => parley.outbox.retry('no-such-send')).toThrow(ParleyError);
  });

  it('gives up after maxAttempts when the server cannot be reached', async () => {
    const outbox = new Outbox(() => Promise.reject(new ParleyError('NETWORK_ERROR', 'unreachable', 0)), { maxAttempts: 3, baseDelayMs: 1 });
    const entry = await outbox.send('any-conversation', { text: 'nobody home', clientId: 'fixed-key' });
    expect(entry).toMatchObject({ status: 'failed', attempts: 3, clientId: 'fixed-key' });
    expect(entry.error?.code).toBe('NETWORK_ERROR');
  });
});
