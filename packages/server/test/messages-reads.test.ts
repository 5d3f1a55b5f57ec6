import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, signIn, type Actor, type ProjectFixture } from './support/factories.js';
import { startTestServer, type ApiResponse, type TestServer } from './support/server.js';

/**
 * `POST /api/conversations/:id/read {seq}` → `{lastReadSeq, unreadCount}`; `lastReadSeq` never moves
 * backwards (contract § Conversations and messages). The caller's `unreadCount` and `lastReadSeq` in
 * the conversation list and detail follow it.
 */
describe.each(dialects)('read receipts over REST (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const read = (actor: Actor, conversationId: string, body: unknown): Promise<ApiResponse> =>
    t.api(actor.token, 'POST', `/conversations/${conversationId}/read`, body);
  const markRead = (actor: Actor, conversationId: string, seq: number) => expectStatus(read(actor, conversationId, { seq }), 200);
  const detail = (actor: Actor, conversationId: string) => expectStatus(t.api(actor.token, 'GET', `/conversations/${conversationId}`), 200);
  async function listed(actor: Actor, conversationId: string) {
    const page = await expectStatus(t.api(actor.token, 'GET', '/conversations'), 200);
    return page.items.find((c: { id: string }) => c.id === conversationId);
  }

  /** A project whose provider has sent `count` messages (seq 2 … count + 1) after the system message. */
  async function withProviderMessages(count: number): Promise<ProjectFixture> {
    const fixture = await createProject(t);
    for (let i = 1; i <= count; i += 1) {
      await expectStatus(t.api(fixture.provider.token, 'POST', `/conversations/${fixture.conversation.id}/messages`, { text: `update ${i}` }), 201);
    }
    return fixture;
  }

  it('answers with exactly {lastReadSeq, unreadCount} and moves the caller’s read position', async () => {
    const { client, conversation } = await withProviderMessages(5); // newest seq: 6
    const state = await markRead(client, conversation.id, 5);
    expect(state).toEqual({ lastReadSeq: 5, unreadCount: 1 });
    expect(await detail(client, conversation.id)).toMatchObject({ lastReadSeq: 5, unreadCount: 1 });
    expect(await listed(client, conversation.id)).toMatchObject({ lastReadSeq: 5, unreadCount: 1 });
  });

  it('shows every participant’s read position in the conversation’s participants, to the others too', async () => {
    const { client, provider, conversation } = await withProviderMessages(5); // newest seq: 6, the provider's own
    await markRead(client, conversation.id, 4);
    const positions = (view: { participants: { userId: string; lastReadSeq: number }[] }) =>
      Object.fromEntries(view.participants.map((p) => [p.userId, p.lastReadSeq]));
    expect(positions(await detail(provider, conversation.id))).toEqual({ [client.id]: 4, [provider.id]: 6 });
    expect(positions(await listed(client, conversation.id))).toEqual({ [client.id]: 4, [provider.id]: 6 });
  });

  it('never moves lastReadSeq backwards', async () => {
    const { client, conversation } = await withProviderMessages(5);
    expect(await markRead(client, conversation.id, 5)).toEqual({ lastReadSeq: 5, unreadCount: 1 });
    expect(await markRead(client, conversation.id, 2)).toEqual({ lastReadSeq: 5, unreadCount: 1 });
    expect(await markRead(client, conversation.id, 0)).toEqual({ lastReadSeq: 5, unreadCount: 1 });
    expect(await detail(client, conversation.id)).toMatchObject({ lastReadSeq: 5, unreadCount: 1 });
  });

  it('keeps the highest position when reads arrive concurrently out of order', async () => {
    const { client, conversation } = await withProviderMessages(9); // newest seq: 10
    await Promise.all([7, 3, 10, 2, 9, 4, 8, 5, 6].map((seq) => markRead(client, conversation.id, seq)));
    expect(await detail(client, conversation.id)).toMatchObject({ lastReadSeq: 10, unreadCount: 0 });
  });

  it('caps a seq beyond the newest message at the newest', async () => {
    const { client, provider, conversation } = await withProviderMessages(3); // newest seq: 4
    expect(await markRead(client, conversation.id, 1_000)).toEqual({ lastReadSeq: 4, unreadCount: 0 });
    expect(await detail(client, conversation.id)).toMatchObject({ lastReadSeq: 4, unreadCount: 0 });
    // The next message is unread: the capped read did not pre-read it.
    await expectStatus(t.api(provider.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'later' }), 201);
    expect(await detail(client, conversation.id)).toMatchObject({ lastReadSeq: 4, unreadCount: 1 });
  });

  it('lets the list’s unreadCount follow reads and new messages', async () => {
    const { client, provider, conversation } = await withProviderMessages(4); // newest seq: 5
    const unread = async () => (await listed(client, conversation.id)).unreadCount;
    expect(await unread()).toBe(5); // the system message and 4 from the provider, none read yet
    await markRead(client, conversation.id, 3);
    expect(await unread()).toBe(2);
    await markRead(client, conversation.id, 5);
    expect(await unread()).toBe(0);
    await expectStatus(t.api(provider.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'one more' }), 201);
    expect(await unread()).toBe(1);
    expect((await listed(client, conversation.id)).lastReadSeq).toBe(5);
  });

  it('keeps each participant’s read position their own', async () => {
    const { client, provider, conversation } = await createProject(t);
    for (const text of ['a', 'b']) {
      await expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/messages`, { text }), 201);
    }
    const providerBefore = await detail(provider, conversation.id);
    expect(providerBefore).toMatchObject({ lastReadSeq: 0, unreadCount: 3 });
    await markRead(client, conversation.id, 3);
    expect(await detail(provider, conversation.id)).toMatchObject({ lastReadSeq: 0, unreadCount: 3 });
    expect(await markRead(provider, conversation.id, 2)).toEqual({ lastReadSeq: 2, unreadCount: 1 });
    expect(await detail(client, conversation.id)).toMatchObject({ lastReadSeq: 3, unreadCount: 0 });
  });

  it.each([[{ seq: -1 }], [{ seq: 2.5 }], [{ seq: '3' }], [{}]])('refuses %j with 400 VALIDATION_FAILED naming seq', async (body) => {
    const { client, conversation } = await withProviderMessages(1);
    const response = await read(client, conversation.id, body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.body.error.details)).toContain('seq');
  });

  it('answers 404 NOT_FOUND to a non-participant and for an unknown conversation, changing nothing', async () => {
    const { client, conversation } = await withProviderMessages(2);
    const outsider = await signIn(t, { role: 'client' });
    for (const id of [conversation.id, 'no-such-conversation']) {
      const response = await read(outsider, id, { seq: 1 });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    expect((await detail(client, conversation.id)).lastReadSeq).toBe(0);
  });
});
