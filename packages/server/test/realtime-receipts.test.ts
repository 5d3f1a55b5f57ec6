import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Message, ReadState } from '@parley/protocol';
import { dialects } from './support/databases.js';
import { emitWithAck, nextEvent } from './support/events.js';
import { createProject, expectStatus, type ProjectFixture } from './support/factories.js';
import { ackData, record, type EventPayload } from './support/realtime.js';
import { startTestServer, type TestServer, type TestSocket } from './support/server.js';

// Contract § Realtime: `conversation:markRead` (same as `POST /api/conversations/:id/read`), `conversation:read` and
// `message:read` to participants; § Conversations and messages: `lastReadSeq` never moves backwards.

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe.each(dialects)('realtime read receipts (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  /** A project whose client has sent `count` text messages after the system message (seq 1). */
  async function withMessages(count: number): Promise<ProjectFixture & { messages: Message[] }> {
    const fixture = await createProject(t);
    const messages: Message[] = [];
    for (let i = 1; i <= count; i += 1) {
      const path = `/conversations/${fixture.conversation.id}/messages`;
      messages.push(await expectStatus(t.api(fixture.client.token, 'POST', path, { text: `message ${i}` }), 201));
    }
    return { ...fixture, messages };
  }

  const markRead = (socket: TestSocket, conversationId: string, seq: number) =>
    ackData(emitWithAck<Ack<ReadState>>(socket, 'conversation:markRead', { conversationId, seq }));
  const readBy = (conversationId: string, userId: string, seq: number) => (event: EventPayload<'conversation:read'>) =>
    event.conversationId === conversationId && event.userId === userId && event.lastReadSeq === seq;
  const messageReadBy = (conversationId: string, userId: string, seq: number) => (event: EventPayload<'message:read'>) =>
    event.conversationId === conversationId && event.userId === userId && event.seq === seq;

  it('acks markRead with the read state and tells the other participant which message was read', async () => {
    const { client, provider, conversation, messages } = await withMessages(3);
    const [clientSocket, providerSocket] = await Promise.all([t.connect(client.token), t.connect(provider.token)]);
    const covered = messages[1];
    if (!covered) throw new Error('fixture has three messages');
    const conversationRead = nextEvent(clientSocket, 'conversation:read', readBy(conversation.id, provider.id, covered.seq));
    const messageRead = nextEvent(clientSocket, 'message:read', messageReadBy(conversation.id, provider.id, covered.seq));

    expect(await markRead(providerSocket, conversation.id, covered.seq)).toEqual({ lastReadSeq: covered.seq, unreadCount: 1 });

    const [asConversation, asMessage] = await Promise.all([conversationRead, messageRead]);
    expect(asConversation).toEqual({ conversationId: conversation.id, userId: provider.id, lastReadSeq: covered.seq, readAt: expect.stringMatching(ISO_UTC) });
    expect(asMessage).toEqual({ conversationId: conversation.id, userId: provider.id, messageId: covered.id, seq: covered.seq, readAt: asConversation.readAt });
  });

  it('sends the same events for a REST read, to the other participant and to the reader’s other sockets', async () => {
    const { client, provider, conversation, messages } = await withMessages(2);
    const [clientSocket, readerElsewhere] = await Promise.all([t.connect(client.token), t.connect(provider.token)]);
    const newest = messages.at(-1);
    if (!newest) throw new Error('fixture has two messages');
    const expected = [clientSocket, readerElsewhere].map((socket) =>
      Promise.all([
        nextEvent(socket, 'conversation:read', readBy(conversation.id, provider.id, newest.seq)),
        nextEvent(socket, 'message:read', messageReadBy(conversation.id, provider.id, newest.seq)),
      ]),
    );

    const state = await expectStatus(t.api(provider.token, 'POST', `/conversations/${conversation.id}/read`, { seq: newest.seq }), 200);
    expect(state).toEqual({ lastReadSeq: newest.seq, unreadCount: 0 });
    for (const [asConversation, asMessage] of await Promise.all(expected)) {
      expect(asConversation.lastReadSeq).toBe(newest.seq);
      expect(asMessage).toMatchObject({ messageId: newest.id, seq: newest.seq, readAt: asConversation.readAt });
    }
  });

  it('never moves lastReadSeq back and emits nothing for a read that does not move it', async () => {
    const { client, provider, conversation, messages } = await withMessages(3);
    const [clientSocket, providerSocket] = await Promise.all([t.connect(client.token), t.connect(provider.token)]);
    const newest = messages.at(-1);
    if (!newest) throw new Error('fixture has three messages');
    const forward = nextEvent(clientSocket, 'conversation:read', readBy(conversation.id, provider.id, newest.seq));
    await markRead(providerSocket, conversation.id, newest.seq);
    await forward;
    const conversationReads = record(clientSocket, 'conversation:read');
    const messageReads = record(clientSocket, 'message:read');

    expect(await markRead(providerSocket, conversation.id, 2)).toEqual({ lastReadSeq: newest.seq, unreadCount: 0 });
    expect(await markRead(providerSocket, conversation.id, newest.seq)).toEqual({ lastReadSeq: newest.seq, unreadCount: 0 });
    const rest = await expectStatus(t.api(provider.token, 'POST', `/conversations/${conversation.id}/read`, { seq: 0 }), 200);
    expect(rest).toEqual({ lastReadSeq: newest.seq, unreadCount: 0 });
    const view = await expectStatus(t.api(provider.token, 'GET', `/conversations/${conversation.id}`), 200);
    expect(view).toMatchObject({ lastReadSeq: newest.seq, unreadCount: 0 });

    // A real forward read afterwards: its events come after anything the backward reads could have emitted.
    const next = await expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'one more' }), 201);
    const later = Promise.all([
      nextEvent(clientSocket, 'conversation:read', readBy(conversation.id, provider.id, next.seq)),
      nextEvent(clientSocket, 'message:read', messageReadBy(conversation.id, provider.id, next.seq)),
    ]);
    expect(await markRead(providerSocket, conversation.id, next.seq)).toEqual({ lastReadSeq: next.seq, unreadCount: 0 });
    await later;
    const byReader = <E extends { userId: string }>(events: E[]) => events.filter((event) => event.userId === provider.id);
    expect(byReader(conversationReads).map((event) => event.lastReadSeq)).toEqual([next.seq]);
    expect(byReader(messageReads).map((event) => event.messageId)).toEqual([next.id]);
  });

  it('names the newest message when the read reaches past it', async () => {
    const { client, provider, conversation, messages } = await withMessages(2);
    const [clientSocket, providerSocket] = await Promise.all([t.connect(client.token), t.connect(provider.token)]);
    const newest = messages.at(-1);
    if (!newest) throw new Error('fixture has two messages');
    const messageRead = nextEvent(clientSocket, 'message:read', (event) => event.conversationId === conversation.id && event.userId === provider.id);
    const state = await markRead(providerSocket, conversation.id, newest.seq + 100);
    expect(state.unreadCount).toBe(0);
    expect(await messageRead).toMatchObject({ messageId: newest.id, seq: newest.seq });
  });

  it('announces a reply as a read of what it answers, and a follow-up with nothing new in between as no read', async () => {
    const { client, provider, conversation, messages } = await withMessages(2);
    const clientSocket = await t.connect(client.token);
    const reads = record(clientSocket, 'conversation:read');
    const path = `/conversations/${conversation.id}/messages`;

    const reply = await expectStatus(t.api(provider.token, 'POST', path, { text: 'replying to both' }), 201);
    expect(reply.seq).toBe((messages.at(-1)?.seq ?? 0) + 1);
    // The follow-up's message:new leaves after every event the reply caused, so by then `reads` is complete.
    const followUpDelivered = nextEvent(clientSocket, 'message:new', ({ message }) => message.text === 'and one more thing');
    await expectStatus(t.api(provider.token, 'POST', path, { text: 'and one more thing' }), 201);
    await followUpDelivered;
    expect(reads.filter((event) => event.userId === provider.id)).toEqual([
      { conversationId: conversation.id, userId: provider.id, lastReadSeq: reply.seq, readAt: reply.createdAt },
    ]);
  });
});
