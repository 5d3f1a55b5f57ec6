import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, sendMessage, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

/** `[from, from + 1, …, to]`. */
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

/**
 * `seq` is per conversation, starts at 1 and increases strictly with no gaps (contract § Conversations
 * and messages), also under concurrent sends: on SQLite and on PostgreSQL, where sends run on separate connections.
 */
describe.each(dialects)('message seq (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const send = (actor: Actor, conversationId: string, body: unknown) => sendMessage(t, actor, conversationId, body);

  /** Every seq stored for a conversation, read from the database itself. */
  async function storedSeqs(conversationId: string): Promise<number[]> {
    const rows = await t.server.database.db.selectFrom('messages').select('seq').where('conversation_id', '=', conversationId).execute();
    return ascending(rows.map((row) => Number(row.seq)));
  }

  it('starts at 1 with the system message announcing the project', async () => {
    const { client, conversation } = await createProject(t);
    const history = await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ seq: 1, type: 'system', senderId: null, conversationId: conversation.id });
    expect(conversation.lastMessage).toMatchObject({ seq: 1, type: 'system' });
    const sent = await expectStatus(send(client, conversation.id, { text: 'first words' }), 201);
    expect(sent.seq).toBe(2);
  });

  it('numbers sequential sends 2, 3, 4 … in order', async () => {
    const { client, provider, conversation } = await createProject(t);
    const seqs: number[] = [];
    for (const [i, actor] of [client, provider, client, provider, provider].entries()) {
      seqs.push((await expectStatus(send(actor, conversation.id, { text: `message ${i}` }), 201)).seq);
    }
    expect(seqs).toEqual([2, 3, 4, 5, 6]);
  });

  it('gives 50 concurrent sends unique, gap-free seqs', async () => {
    const { client, conversation } = await createProject(t);
    const responses = await Promise.all(range(1, 50).map((i) => send(client, conversation.id, { text: `concurrent ${i}` })));
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 201));
    const seqs = responses.map((r) => r.body.seq as number);
    expect(new Set(seqs).size).toBe(50);
    expect(ascending(seqs)).toEqual(range(2, 51));
    expect(await storedSeqs(conversation.id)).toEqual(range(1, 51));

    // Each answer is the row stored under its seq.
    const history = await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages?limit=100`), 200);
    expect(history.items.map((m: { seq: number }) => m.seq)).toEqual(range(1, 51));
    const bySeq = new Map(history.items.map((m: { seq: number; id: string; text: string }) => [m.seq, m]));
    for (const { body } of responses) expect(bySeq.get(body.seq)).toMatchObject({ id: body.id, text: body.text });
  });

  it('keeps seqs gap-free when both participants send concurrently', async () => {
    const { client, provider, conversation } = await createProject(t);
    const responses = await Promise.all(
      range(1, 40).map((i) => send(i % 2 === 0 ? client : provider, conversation.id, { text: `mixed ${i}`, clientId: `mixed-${i}` })),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(ascending(responses.map((r) => r.body.seq))).toEqual(range(2, 41));
    expect(await storedSeqs(conversation.id)).toEqual(range(1, 41));
  });

  it('numbers each conversation on its own under concurrent sends to several conversations', async () => {
    const first = await createProject(t);
    const second = await createProject(t);
    const responses = await Promise.all(
      range(1, 30).map((i) =>
        i % 2 === 0
          ? send(first.client, first.conversation.id, { text: `first ${i}` })
          : send(second.provider, second.conversation.id, { text: `second ${i}` }),
      ),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const seqsOf = (conversationId: string) => ascending(responses.filter((r) => r.body.conversationId === conversationId).map((r) => r.body.seq));
    expect(seqsOf(first.conversation.id)).toEqual(range(2, 16));
    expect(seqsOf(second.conversation.id)).toEqual(range(2, 16));
  });

  it('leaves no gap behind refused sends', async () => {
    const { client, conversation } = await createProject(t);
    const before = await expectStatus(send(client, conversation.id, { text: 'before' }), 201);
    expect((await send(client, conversation.id, { text: '   ' })).status).toBe(400);
    expect((await send(client, conversation.id, { text: 'bad reply', replyToId: 'missing' })).status).toBe(400);
    const after = await expectStatus(send(client, conversation.id, { text: 'after' }), 201);
    expect(after.seq).toBe(before.seq + 1);
  });
});
