import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, ClientEventName, Conversation, Message } from '@parley/protocol';
import { dialects } from './support/databases.js';
import { emitWithAck, nextEvent } from './support/events.js';
import { createProject, expectStatus, type ProjectFixture } from './support/factories.js';
import { ackData, ackError } from './support/realtime.js';
import { startTestServer, type TestServer, type TestSocket } from './support/server.js';

// Contract § Realtime: every client → server event is acknowledged with `{ok: true, data?}` or `{ok: false, error: {code, message}}`.

describe.each(dialects)('realtime acknowledgements (%s)', (dialect) => {
  let t: TestServer;
  let fixture: ProjectFixture;
  let clientSocket: TestSocket;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    fixture = await createProject(t);
    clientSocket = await t.connect(fixture.client.token);
  });
  afterAll(() => t.close());

  const historyLength = async () =>
    (await expectStatus(t.api(fixture.client.token, 'GET', `/conversations/${fixture.conversation.id}/messages`), 200)).items.length;

  describe('conversation:join and conversation:leave', () => {
    it('acks a participant’s join with the conversation in the caller’s view', async () => {
      const { client, provider, conversation } = fixture;
      const joined = await ackData(emitWithAck<Ack<Conversation>>(clientSocket, 'conversation:join', { conversationId: conversation.id }));
      expect(joined).toMatchObject({ id: conversation.id, projectId: fixture.project.id, kind: 'project', status: 'active' });
      expect(joined.participants.map((p) => p.userId).sort()).toEqual([client.id, provider.id].sort());
      expect(joined.lastMessage).toMatchObject({ seq: 1, type: 'system' });
    });

    it('acks leave with ok, and the participant still receives messages (delivery never depends on viewing)', async () => {
      const { conversation, provider } = fixture;
      await ackData(emitWithAck<Ack<Conversation>>(clientSocket, 'conversation:join', { conversationId: conversation.id }));
      expect(await emitWithAck(clientSocket, 'conversation:leave', { conversationId: conversation.id })).toEqual({ ok: true });
      const delivered = nextEvent(clientSocket, 'message:new', ({ message }) => message.text === 'after leave');
      await expectStatus(t.api(provider.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'after leave' }), 201);
      expect((await delivered).message.senderId).toBe(provider.id);
    });
  });

  describe('non-participants get NOT_FOUND', () => {
    let outsider: TestSocket;
    beforeAll(async () => {
      outsider = await t.connect((await createProject(t)).client.token);
    });

    it.each<[ClientEventName, Record<string, unknown>]>([
      ['conversation:join', {}],
      ['message:send', { text: 'let me in', clientId: 'outsider-1' }],
      ['conversation:markRead', { seq: 1 }],
      ['conversation:typing', { isTyping: true }],
    ])('%s', async (event, body) => {
      const before = await historyLength();
      const error = await ackError(emitWithAck(outsider, event, { conversationId: fixture.conversation.id, ...body }));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toEqual(expect.any(String));
      expect(await historyLength()).toBe(before);
    });

    it('answers an unknown conversation id the same way', async () => {
      const error = await ackError(emitWithAck(clientSocket, 'conversation:join', { conversationId: 'no-such-conversation' }));
      expect(error.code).toBe('NOT_FOUND');
    });
  });

  describe('invalid payloads get VALIDATION_FAILED', () => {
    const cases: [string, ClientEventName, (conversationId: string) => unknown][] = [
      ['join without conversationId', 'conversation:join', () => ({})],
      ['send without conversationId', 'message:send', () => ({ text: 'hello' })],
      ['send with empty text', 'message:send', (conversationId) => ({ conversationId, text: '' })],
      ['send with whitespace-only text', 'message:send', (conversationId) => ({ conversationId, text: ' \n\t ' })],
      ['send with 5001 code points', 'message:send', (conversationId) => ({ conversationId, text: '😀'.repeat(5001) })],
      ['send with a non-object payload', 'message:send', () => 'hello'],
      ['typing with a non-boolean isTyping', 'conversation:typing', (conversationId) => ({ conversationId, isTyping: 'yes' })],
      ['typing without isTyping', 'conversation:typing', (conversationId) => ({ conversationId })],
      ['markRead with a negative seq', 'conversation:markRead', (conversationId) => ({ conversationId, seq: -1 })],
      ['markRead with a fractional seq', 'conversation:markRead', (conversationId) => ({ conversationId, seq: 1.5 })],
      ['leave with a numeric conversationId', 'conversation:leave', () => ({ conversationId: 42 })],
    ];

    it.each(cases)('%s', async (_name, event, payload) => {
      const before = await historyLength();
      const error = await ackError(emitWithAck(clientSocket, event, payload(fixture.conversation.id)));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toEqual(expect.any(String));
      expect(await historyLength()).toBe(before);
    });

    it('accepts exactly 5000 code points', async () => {
      const text = '😀'.repeat(5000);
      const stored = await ackData(emitWithAck<Ack<Message>>(clientSocket, 'message:send', { conversationId: fixture.conversation.id, text }));
      expect(stored.text).toBe(text);
    });
  });

  describe('read-only conversations', () => {
    it('refuses a send into a completed project’s conversation with CONVERSATION_READ_ONLY', async () => {
      const { client, provider, project, conversation } = await createProject(t);
      const providerSocket = await t.connect(provider.token);
      await expectStatus(t.api(client.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);
      const before = (await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages`), 200)).items.length;

      const error = await ackError(emitWithAck(providerSocket, 'message:send', { conversationId: conversation.id, text: 'too late', clientId: 'late-1' }));
      expect(error.code).toBe('CONVERSATION_READ_ONLY');
      const after = await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
      expect(after.items).toHaveLength(before);
      // History stays readable and joinable.
      const joined = await ackData(emitWithAck<Ack<Conversation>>(providerSocket, 'conversation:join', { conversationId: conversation.id }));
      expect(joined.status).toBe('read_only');
    });
  });
});
