import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Message } from '@parley/protocol';
import { dialects } from './support/databases.js';
import { emitWithAck, nextEvent } from './support/events.js';
import { createProject, expectStatus, signIn, uniqueId } from './support/factories.js';
import { ackData, handshakeError, record } from './support/realtime.js';
import { startTestServer, type TestServer, type TestSocket } from './support/server.js';

// Contract § Identity (socket handshake) and § Realtime (`message:new`, `message:send`).

describe.each(dialects)('realtime handshake and message delivery (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const send = (socket: TestSocket, payload: Record<string, unknown>) =>
    emitWithAck<Ack<Message>>(socket, 'message:send', payload);

  describe('handshake', () => {
    it('refuses a socket without a token with UNAUTHENTICATED', async () => {
      const error = await handshakeError(t.url);
      expect(error.data?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a garbage token with UNAUTHENTICATED', async () => {
      const error = await handshakeError(t.url, { token: 'not-a-jwt' });
      expect(error.data?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an expired token with UNAUTHENTICATED', async () => {
      const token = await t.token({ id: uniqueId('client'), role: 'client' }, -10);
      const error = await handshakeError(t.url, { token });
      expect(error.data?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a token whose signature was tampered with', async () => {
      const token = await t.token({ id: uniqueId('client'), role: 'client' });
      const [header, payload, signature = ''] = token.split('.');
      const tampered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
      const error = await handshakeError(t.url, { token: tampered });
      expect(error.data?.code).toBe('UNAUTHENTICATED');
    });

    it('connects with a good token, and t.connect rejects with the same error for a bad one', async () => {
      const client = await signIn(t, { role: 'client' });
      const socket = await t.connect(client.token);
      expect(socket.connected).toBe(true);
      await expect(t.connect('garbage')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    });

    it('answers a good token with INTERNAL, not UNAUTHENTICATED, when the server cannot look the user up', async () => {
      const broken = await startTestServer({ dialect });
      try {
        const token = await broken.token({ id: uniqueId('client'), role: 'client' });
        // A real failure, not a mock: the users table is gone, so the handshake cannot load the user.
        await sql`alter table users rename to users_gone`.execute(broken.server.database.db);
        const error = await handshakeError(broken.url, { token });
        expect(error.data?.code).toBe('INTERNAL');
        expect(error.message).not.toMatch(/users/);
      } finally {
        await broken.close();
      }
    });
  });

  describe('message:new', () => {
    it('delivers a REST message to the other participant and to the sender’s own socket', async () => {
      const { client, provider, conversation } = await createProject(t);
      const [clientSocket, providerSocket] = await Promise.all([t.connect(client.token), t.connect(provider.token)]);
      const isText = ({ message }: { message: Message }) => message.conversationId === conversation.id && message.type === 'text';
      const atProvider = nextEvent(providerSocket, 'message:new', isText);
      const atClient = nextEvent(clientSocket, 'message:new', isText);
      const sent = await expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'over REST' }), 201);
      const [{ message }, own] = await Promise.all([atProvider, atClient]);
      expect(message).toMatchObject({ id: sent.id, seq: sent.seq, senderId: client.id, text: 'over REST', conversationId: conversation.id });
      expect(own.message.id).toBe(sent.id);
    });

    it('acks a socket send with the stored message and delivers it to the other participant and every sender socket', async () => {
      const { client, provider, conversation } = await createProject(t);
      const [first, second, providerSocket] = await Promise.all([t.connect(client.token), t.connect(client.token), t.connect(provider.token)]);
      const clientId = uniqueId('cid');
      const mine = ({ message }: { message: Message }) => message.clientId === clientId;
      const deliveries = Promise.all([first, second, providerSocket].map((socket) => nextEvent(socket, 'message:new', mine)));

      const stored = await ackData(send(first, { conversationId: conversation.id, text: '  over the socket  ', clientId }));
      expect(stored).toMatchObject({ conversationId: conversation.id, seq: 2, senderId: client.id, type: 'text', text: 'over the socket', clientId });
      expect(typeof stored.id).toBe('string');

      for (const { message } of await deliveries) expect(message).toEqual(stored);
      const history = await expectStatus(t.api(provider.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
      expect(history.items.at(-1)).toEqual(stored);
    });

    it('delivers nothing to a user who is not a participant, even one who tried to join', async () => {
      const mine = await createProject(t);
      const theirs = await createProject(t);
      const [outsider, providerSocket] = await Promise.all([t.connect(theirs.client.token), t.connect(mine.provider.token)]);
      const seen = record(outsider, 'message:new');
      const join = await emitWithAck(outsider, 'conversation:join', { conversationId: mine.conversation.id });
      expect(join).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

      const reached = nextEvent(providerSocket, 'message:new', ({ message }) => message.text === 'private');
      await expectStatus(t.api(mine.client.token, 'POST', `/conversations/${mine.conversation.id}/messages`, { text: 'private' }), 201);
      await reached;
      // Emitted after the private message, so the outsider's socket would have had that one first.
      const later = nextEvent(outsider, 'message:new', ({ message }) => message.text === 'own project');
      await expectStatus(t.api(theirs.provider.token, 'POST', `/conversations/${theirs.conversation.id}/messages`, { text: 'own project' }), 201);
      await later;
      expect(seen.map(({ message }) => message.conversationId)).toEqual([theirs.conversation.id]);
    });

    it('answers a repeated clientId with the stored message and broadcasts no second message', async () => {
      const { client, provider, conversation } = await createProject(t);
      const [clientSocket, providerSocket] = await Promise.all([t.connect(client.token), t.connect(provider.token)]);
      const seen = record(providerSocket, 'message:new');
      const clientId = uniqueId('cid');
      const firstSeen = nextEvent(providerSocket, 'message:new', ({ message }) => message.clientId === clientId);
      const original = await ackData(send(clientSocket, { conversationId: conversation.id, text: 'once', clientId }));
      await firstSeen;
      const replay = await ackData(send(clientSocket, { conversationId: conversation.id, text: 'once', clientId }));
      expect(replay).toEqual(original);

      // Emitted after the replay, so a broadcast of the replay would have reached the provider first.
      const afterId = uniqueId('cid');
      const afterSeen = nextEvent(providerSocket, 'message:new', ({ message }) => message.clientId === afterId);
      const after = await ackData(send(clientSocket, { conversationId: conversation.id, text: 'after', clientId: afterId }));
      await afterSeen;
      expect(new Set(seen.map(({ message }) => message.id))).toEqual(new Set([original.id, after.id]));
      expect(seen.filter(({ message }) => message.clientId === clientId).every(({ message }) => message.id === original.id)).toBe(true);
      const history = await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
      expect(history.items.map((m: Message) => m.seq)).toEqual([1, original.seq, after.seq]);
      expect(after.seq).toBe(original.seq + 1);
    });

    it('answers a socket send that repeats a REST clientId with the REST message', async () => {
      const { client, conversation } = await createProject(t);
      const clientSocket = await t.connect(client.token);
      const clientId = uniqueId('cid');
      const viaRest = await expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'first', clientId }), 201);
      const viaSocket = await ackData(send(clientSocket, { conversationId: conversation.id, text: 'first', clientId }));
      expect(viaSocket).toEqual(viaRest);
    });
  });
});
