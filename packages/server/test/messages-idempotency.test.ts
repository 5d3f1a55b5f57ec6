import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, proposalBody, sendMessage, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * `clientId` is the sender's idempotency key (contract § Conversations and messages): the same key
 * from the same sender in the same conversation returns the stored message (200), never a second copy.
 */
describe.each(dialects)('message idempotency by clientId (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const send = (actor: Actor, conversationId: string, body: unknown) => sendMessage(t, actor, conversationId, body);

  /** Rows in `messages` for a conversation, optionally only those under one clientId. */
  async function storedCount(conversationId: string, clientId?: string): Promise<number> {
    let query = t.server.database.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('conversation_id', '=', conversationId);
    if (clientId !== undefined) query = query.where('client_id', '=', clientId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  /** A further project between the same (already approved) people; returns its conversation. */
  async function anotherProject(client: Actor, provider: Actor): Promise<{ id: string }> {
    const request = await expectStatus(t.api(client.token, 'POST', '/requests', { title: 'Second job', description: 'More work' }), 201);
    const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
    const accepted = await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
    return accepted.conversation;
  }

  it('answers a repeated clientId with the stored message and status 200, keeping one row', async () => {
    const { client, conversation } = await createProject(t);
    const first = await send(client, conversation.id, { text: 'offer attached', clientId: 'retry-1' });
    expect(first.status).toBe(201);
    expect(first.body.clientId).toBe('retry-1');
    const again = await send(client, conversation.id, { text: 'offer attached', clientId: 'retry-1' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await storedCount(conversation.id, 'retry-1')).toBe(1);
    expect(await storedCount(conversation.id)).toBe(2); // the system message and this one
  });

  it('refuses a retry whose content differs with 409 IDEMPOTENCY_CONFLICT, storing nothing', async () => {
    const { client, conversation } = await createProject(t);
    const first = await expectStatus(send(client, conversation.id, { text: 'original', clientId: 'k' }), 201);
    for (const body of [{ text: 'changed on retry' }, { text: 'original', replyToId: first.id }]) {
      const again = await send(client, conversation.id, { ...body, clientId: 'k' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('IDEMPOTENCY_CONFLICT');
    }
    expect(await storedCount(conversation.id, 'k')).toBe(1);
    expect(await storedCount(conversation.id)).toBe(2); // the system message and the original
    // The same content still replays; surrounding whitespace is trimmed before the comparison.
    const replay = await expectStatus(send(client, conversation.id, { text: '  original ', clientId: 'k' }), 200);
    expect(replay).toMatchObject({ id: first.id, text: 'original' });
  });

  it('does not consume a seq on a replay: the next new message follows directly', async () => {
    const { client, conversation } = await createProject(t);
    const first = await expectStatus(send(client, conversation.id, { text: 'one', clientId: 'a' }), 201);
    await expectStatus(send(client, conversation.id, { text: 'one', clientId: 'a' }), 200);
    const next = await expectStatus(send(client, conversation.id, { text: 'two', clientId: 'b' }), 201);
    expect(next.seq).toBe(first.seq + 1);
  });

  it('turns 10 concurrent sends with one clientId into exactly one row, all answers naming it', async () => {
    const { client, conversation } = await createProject(t);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => send(client, conversation.id, { text: 'double-clicked', clientId: 'burst-key' })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(new Set(responses.map((r) => r.body.seq)).size).toBe(1);
    expect(await storedCount(conversation.id, 'burst-key')).toBe(1);

    // The losing attempts left no hole in the sequence.
    const next = await expectStatus(send(client, conversation.id, { text: 'after the burst' }), 201);
    expect(next.seq).toBe(responses[0]?.body.seq + 1);
    const history = await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
    expect(history.items.map((m: { seq: number }) => m.seq)).toEqual([1, 2, 3]);
  });

  it('stores the same clientId from the other participant as a separate message', async () => {
    const { client, provider, conversation } = await createProject(t);
    const mine = await send(client, conversation.id, { text: 'from client', clientId: 'shared-key' });
    const theirs = await send(provider, conversation.id, { text: 'from provider', clientId: 'shared-key' });
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.seq).not.toBe(mine.body.seq);
    expect(theirs.body).toMatchObject({ senderId: provider.id, text: 'from provider', clientId: 'shared-key' });
    expect(await storedCount(conversation.id, 'shared-key')).toBe(2);
  });

  it('stores the same clientId from the same sender in another conversation as a separate message', async () => {
    const first = await createProject(t);
    const second = await anotherProject(first.client, first.provider);
    const a = await send(first.client, first.conversation.id, { text: 'here', clientId: 'per-conversation' });
    const b = await send(first.client, second.id, { text: 'there', clientId: 'per-conversation' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body).toMatchObject({ conversationId: second.id, text: 'there' });
  });

  it('treats sends without a clientId as distinct messages', async () => {
    const { client, conversation } = await createProject(t);
    const a = await expectStatus(send(client, conversation.id, { text: 'same words' }), 201);
    const b = await expectStatus(send(client, conversation.id, { text: 'same words' }), 201);
    expect(b.id).not.toBe(a.id);
    expect(b.seq).toBe(a.seq + 1);
    expect(await storedCount(conversation.id)).toBe(3);
  });
});
