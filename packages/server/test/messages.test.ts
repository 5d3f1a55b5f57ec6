import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, sendMessage, signIn, type Actor } from './support/factories.js';
import { startTestServer, type ApiResponse, type TestServer } from './support/server.js';

/**
 * Sending over REST (contract § Conversations and messages): text rules, the `system` type,
 * replies, and who may send or read history. Runs on every configured dialect.
 */
describe.each(dialects)('messages over REST (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const send = (actor: Actor, conversationId: string, body: unknown) => sendMessage(t, actor, conversationId, body);

  /** Rows stored for a conversation, counted in the database itself. */
  async function storedCount(conversationId: string): Promise<number> {
    const row = await t.server.database.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('conversation_id', '=', conversationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Asserts the contract's 400 body: code `VALIDATION_FAILED`, a message, and details that name `field`. */
  function expectValidationFailed(response: ApiResponse, field: string): void {
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(typeof response.body.error.message).toBe('string');
    expect(response.body.error.details).toBeDefined();
    expect(JSON.stringify(response.body.error.details)).toContain(field);
  }

  describe('text validation', () => {
    const refused: [string, string][] = [
      ['empty text', ''],
      ['whitespace-only text', ' \t\n  \u00a0 '],
      ['5001 ASCII characters', 'a'.repeat(5001)],
      ['5001 emoji (5001 code points)', '😀'.repeat(5001)],
    ];
    it.each(refused)('refuses %s with 400 VALIDATION_FAILED naming text, storing nothing', async (_label, text) => {
      const { client, conversation } = await createProject(t);
      const before = await storedCount(conversation.id);
      expectValidationFailed(await send(client, conversation.id, { text }), 'text');
      expect(await storedCount(conversation.id)).toBe(before);
    });

    it('refuses a body without text or with non-string text', async () => {
      const { client, conversation } = await createProject(t);
      for (const body of [{ clientId: 'no-text' }, { text: 42 }, { text: null }, { text: ['hi'] }]) {
        expectValidationFailed(await send(client, conversation.id, body), 'text');
      }
      expect(await storedCount(conversation.id)).toBe(1);
    });

    it('accepts 5000 emoji (5000 code points, 10000 UTF-16 units) and stores them intact', async () => {
      const { client, provider, conversation } = await createProject(t);
      const text = '😀'.repeat(5000);
      expect(text.length).toBe(10_000);
      const sent = await expectStatus(send(client, conversation.id, { text }), 201);
      expect(sent.text).toBe(text);
      const history = await expectStatus(t.api(provider.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
      const stored = history.items.find((m: { id: string }) => m.id === sent.id);
      expect(stored.text).toBe(text);
      expect([...stored.text]).toHaveLength(5000);
    });

    it('accepts mixed scripts and combining characters byte for byte', async () => {
      const { client, conversation } = await createProject(t);
      const text = 'Grüße, 你好, שלום, e\u0301, 👩‍💻, 🇫🇷';
      const sent = await expectStatus(send(client, conversation.id, { text }), 201);
      const history = await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
      expect(history.items.at(-1).id).toBe(sent.id);
      expect(history.items.at(-1).text).toBe(text);
    });

    it('trims the text before storing it', async () => {
      const { client, provider, conversation } = await createProject(t);
      const sent = await expectStatus(send(client, conversation.id, { text: '\n\t  hello there  \n' }), 201);
      expect(sent.text).toBe('hello there');
      const history = await expectStatus(t.api(provider.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
      expect(history.items.at(-1)).toMatchObject({ id: sent.id, text: 'hello there' });
    });

    it('measures the 5000 limit after trimming', async () => {
      const { client, conversation } = await createProject(t);
      const text = 'b'.repeat(5000);
      const sent = await expectStatus(send(client, conversation.id, { text: `   ${text}   ` }), 201);
      expect(sent.text).toBe(text);
    });

    it('refuses type "system" from a user, storing nothing', async () => {
      const { client, conversation } = await createProject(t);
      const before = await storedCount(conversation.id);
      expectValidationFailed(await send(client, conversation.id, { text: 'I am the system', type: 'system' }), 'type');
      expect(await storedCount(conversation.id)).toBe(before);
    });

    it('stores a plain send as a text message from the sender with the contract fields', async () => {
      const { client, conversation } = await createProject(t);
      const sent = await expectStatus(send(client, conversation.id, { text: 'hi' }), 201);
      expect(sent).toMatchObject({
        conversationId: conversation.id,
        senderId: client.id,
        type: 'text',
        text: 'hi',
        clientId: null,
        replyToId: null,
        editedAt: null,
        deletedAt: null,
      });
      expect(typeof sent.id).toBe('string');
      expect(new Date(sent.createdAt).toISOString()).toBe(sent.createdAt);
    });
  });

  describe('replies', () => {
    it('stores a reply to a message of the same conversation with its replyToId', async () => {
      const { client, provider, conversation } = await createProject(t);
      const original = await expectStatus(send(client, conversation.id, { text: 'Can you start Monday?' }), 201);
      const reply = await expectStatus(send(provider, conversation.id, { text: 'Yes', replyToId: original.id }), 201);
      expect(reply.replyToId).toBe(original.id);
      const history = await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
      expect(history.items.find((m: { id: string }) => m.id === reply.id).replyToId).toBe(original.id);
    });

    it('refuses a replyToId from another conversation with 400, storing nothing', async () => {
      const first = await createProject(t);
      const second = await createProject(t);
      const elsewhere = await expectStatus(send(second.client, second.conversation.id, { text: 'elsewhere' }), 201);
      const before = await storedCount(first.conversation.id);
      expectValidationFailed(await send(first.client, first.conversation.id, { text: 'reply', replyToId: elsewhere.id }), 'replyToId');
      expect(await storedCount(first.conversation.id)).toBe(before);
    });

    it('refuses a replyToId that names no message with 400', async () => {
      const { client, conversation } = await createProject(t);
      expectValidationFailed(await send(client, conversation.id, { text: 'reply', replyToId: 'no-such-message' }), 'replyToId');
    });
  });

  describe('access', () => {
    it('answers 404 NOT_FOUND to a non-participant sending or reading history, and stores nothing', async () => {
      const { conversation } = await createProject(t);
      const outsider = await signIn(t, { role: 'client' });
      const before = await storedCount(conversation.id);
      const sent = await send(outsider, conversation.id, { text: 'let me in' });
      expect(sent.status).toBe(404);
      expect(sent.body.error.code).toBe('NOT_FOUND');
      const history = await t.api(outsider.token, 'GET', `/conversations/${conversation.id}/messages`);
      expect(history.status).toBe(404);
      expect(history.body.error.code).toBe('NOT_FOUND');
      expect(await storedCount(conversation.id)).toBe(before);
    });

    it('answers a provider of another project with 404 too', async () => {
      const { conversation } = await createProject(t);
      const other = await createProject(t);
      const sent = await send(other.provider, conversation.id, { text: 'wrong room' });
      expect(sent.status).toBe(404);
      expect(sent.body.error.code).toBe('NOT_FOUND');
    });

    it('answers 404 NOT_FOUND for a conversation id that does not exist', async () => {
      const { client } = await createProject(t);
      const sent = await send(client, 'no-such-conversation', { text: 'hello?' });
      expect(sent.status).toBe(404);
      expect(sent.body.error.code).toBe('NOT_FOUND');
      const history = await t.api(client.token, 'GET', '/conversations/no-such-conversation/messages');
      expect(history.status).toBe(404);
      expect(history.body.error.code).toBe('NOT_FOUND');
    });

    it('answers 401 UNAUTHENTICATED without a token', async () => {
      const { conversation } = await createProject(t);
      const sent = await t.api(null, 'POST', `/conversations/${conversation.id}/messages`, { text: 'anon' });
      expect(sent.status).toBe(401);
      expect(sent.body.error.code).toBe('UNAUTHENTICATED');
    });
  });
});
