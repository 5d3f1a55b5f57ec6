import type { Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, SearchHit, SearchPage } from '@parley/protocol';
import * as searchMigrationModule from '../src/db/migrations/20261121060000-search.js';
import { expectError } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, proposalBody, sendMessage, signIn, uniqueId, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

/** Sends `text` into a conversation as `actor` and returns the stored message. */
const send = (t: TestServer, actor: Actor, conversationId: string, text: string): Promise<Message> =>
  expectStatus(sendMessage(t, actor, conversationId, { text, clientId: uniqueId('c') }), 201);

/** A search query string's parameters. */
type Query = Partial<Record<'q' | 'conversationId' | 'cursor' | 'limit', string | number>>;

/** `GET /api/search/messages` as `actor`, answering the raw response. */
function searchRaw(t: TestServer, actor: Actor, query: Query) {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
  return t.api(actor.token, 'GET', `/search/messages?${params.toString()}`);
}

/** The highlighted parts of a hit's snippet, in order. */
const marked = (hit: SearchHit) => hit.highlights.map(({ start, end }) => hit.snippet.slice(start, end));

/**
 * `GET /api/search/messages` (issue 5, "Search"): full-text search over the caller's conversations,
 * FTS5 on SQLite and a `tsvector` on PostgreSQL.
 */
describe.each(dialects)('message search (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const search = async (actor: Actor, query: Query): Promise<SearchPage> => expectStatus(searchRaw(t, actor, query), 200);
  const texts = async (actor: Actor, query: Query) => (await search(actor, query)).items.map((hit) => hit.message.text);
  /** Every hit for `query`, page by page, and how many pages it took; `between` runs after the first page. */
  async function drain(actor: Actor, query: Query, between?: () => Promise<void>) {
    const hits: SearchHit[] = [];
    let pages = 0;
    let cursor: string | null = null;
    do {
      const page = await search(actor, cursor === null ? query : { ...query, cursor });
      hits.push(...page.items);
      pages += 1;
      cursor = page.nextCursor;
      if (pages === 1) await between?.();
    } while (cursor !== null);
    return { ids: hits.map((hit) => hit.message.id), pages };
  }

  it('finds a word and marks it in a plain-text snippet', async () => {
    const { client, provider, conversation } = await createProject(t);
    const sent = await send(t, provider, conversation.id, 'Shall we meet at the harbour on Friday?');
    await send(t, provider, conversation.id, 'Something else entirely');
    const page = await search(client, { q: 'harbour' });
    expect(page).toEqual({ items: [{ message: sent, snippet: sent.text, highlights: [{ start: 21, end: 28 }] }], nextCursor: null });
  });

  it('finds system messages too', async () => {
    const title = `Gazebo${uniqueId('t').replaceAll('-', '')}`;
    const { client, conversation } = await createProject(t, { title });
    const [hit] = (await search(client, { q: title })).items;
    expect(hit?.message).toMatchObject({ conversationId: conversation.id, type: 'system', senderId: null });
    expect(hit && marked(hit)).toEqual([title]);
  });

  it('ignores case, also beyond ASCII; accents count', async () => {
    const { client, provider, conversation } = await createProject(t);
    await send(t, provider, conversation.id, 'ZEPPELIN tour tomorrow');
    await send(t, provider, conversation.id, 'Grüße aus Köln');
    expect(await texts(client, { q: 'zeppelin' })).toEqual(['ZEPPELIN tour tomorrow']);
    expect(await texts(client, { q: 'KÖLN' })).toEqual(['Grüße aus Köln']);
    const [hit] = (await search(client, { q: 'grüsse köln' })).items;
    expect(hit).toBeUndefined(); // ß is not ss
    expect(await texts(client, { q: 'koln' })).toEqual([]);
  });

  it('matches the last word as a prefix and the others whole, and needs every word', async () => {
    const { client, provider, conversation } = await createProject(t);
    await send(t, provider, conversation.id, 'The applesauce recipe is attached');
    const [hit] = (await search(client, { q: 'recipe appl' })).items;
    expect(hit && marked(hit)).toEqual(['applesauce', 'recipe']);
    expect(await texts(client, { q: 'appl recipe' })).toEqual([]);
    expect(await texts(client, { q: 'recipe banana' })).toEqual([]);
  });

  it('ranks a message with the word twice above one with it once, and equal matches newest first', async () => {
    const { client, provider, conversation } = await createProject(t);
    const once = await send(t, provider, conversation.id, 'kiwi mango smoothie');
    const twice = await send(t, client, conversation.id, 'kiwi kiwi smoothie');
    const olderTwin = await send(t, provider, conversation.id, 'kiwi pear smoothie');
    const newerTwin = await send(t, provider, conversation.id, 'kiwi pear smoothie');
    const ids = (await search(client, { q: 'kiwi' })).items.map((hit) => hit.message.id);
    expect(ids[0]).toBe(twice.id);
    expect(ids.slice(1)).toEqual([newerTwin.id, olderTwin.id, once.id]);
  });

  it('searches only the caller’s conversations, or the one named', async () => {
    const mine = await createProject(t);
    const theirs = await createProject(t);
    const second = await acceptAnotherProject(mine.client);
    const first = await send(t, mine.provider, mine.conversation.id, 'walrus sighting at noon');
    const other = await send(t, second.provider, second.conversationId, 'another walrus story');
    const foreign = await send(t, theirs.provider, theirs.conversation.id, 'their walrus');

    const all = (await search(mine.client, { q: 'walrus' })).items.map((hit) => hit.message.id);
    expect(all.sort()).toEqual([first.id, other.id].sort());
    expect((await search(mine.client, { q: 'walrus', conversationId: second.conversationId })).items.map((hit) => hit.message.id)).toEqual([other.id]);
    expect((await search(mine.provider, { q: 'walrus' })).items.map((hit) => hit.message.id)).toEqual([first.id]);
    expect((await search(theirs.client, { q: 'walrus' })).items.map((hit) => hit.message.id)).toEqual([foreign.id]);

    await expectError(searchRaw(t, mine.client, { q: 'walrus', conversationId: theirs.conversation.id }), 404, 'NOT_FOUND');
    await expectError(searchRaw(t, mine.client, { q: 'walrus', conversationId: 'no-such-conversation' }), 404, 'NOT_FOUND');
  });

  it('leaves out deleted messages', async () => {
    const { client, provider, conversation } = await createProject(t);
    const kept = await send(t, provider, conversation.id, 'quokka photo one');
    const deleted = await send(t, provider, conversation.id, 'quokka photo two');
    await t.server.database.db.updateTable('messages').set({ deleted_at: new Date().toISOString() }).where('id', '=', deleted.id).execute();
    expect((await search(client, { q: 'quokka' })).items.map((hit) => hit.message.id)).toEqual([kept.id]);
  });

  it('finds an edited message by its new words, not its old ones', async () => {
    const { client, provider, conversation } = await createProject(t);
    const message = await send(t, provider, conversation.id, 'original wording here');
    await t.server.database.db.updateTable('messages').set({ text: 'revised phrasing here' }).where('id', '=', message.id).execute();
    expect(await texts(client, { q: 'original' })).toEqual([]);
    const [hit] = (await search(client, { q: 'revised' })).items;
    expect(hit).toMatchObject({ message: { id: message.id, text: 'revised phrasing here' }, snippet: 'revised phrasing here' });
  });

  it('reads search syntax as plain words: no errors, no operators', async () => {
    const { client, provider, conversation } = await createProject(t);
    const apple = await send(t, provider, conversation.id, 'apple');
    const stand = await send(t, provider, conversation.id, 'we met near the apple pie stand');
    const ids = async (q: string) => (await search(client, { q })).items.map((hit) => hit.message.id).sort();
    for (const q of ['"', '*', ':', '-', '(', ')', '^', "'", '\\', '"" OR ""', 'text:', '{text}: zq', '!!', '&|', 'zq:*', "o'reilly", 'x\\y']) {
      expect(await ids(q), q).toEqual([]);
    }
    expect(await ids('apple OR zebra')).toEqual([]); // OR is a word, and every word must match
    expect(await ids('-apple')).toEqual([apple.id, stand.id].sort()); // no NOT
    expect(await ids('"apple')).toEqual([apple.id, stand.id].sort());
    expect(await ids('apple*')).toEqual([apple.id, stand.id].sort());
    expect(await ids('NEAR(apple pie)')).toEqual([stand.id]); // NEAR is a word of the message
    expect(await ids('NEAR(')).toEqual([stand.id]); // and a prefix of one
    expect(await ids('apple !pie')).toEqual([stand.id]);
    expect(await ids('text:apple')).toEqual([]); // no column filters
  });

  it('cuts long texts with ellipses and counts highlight offsets in UTF-16 units', async () => {
    const { client, provider, conversation } = await createProject(t);
    await send(t, provider, conversation.id, `${fillerWords(40)} marmalade ${fillerWords(40)}`);
    const [long] = (await search(client, { q: 'marmalade' })).items;
    expect(long?.snippet).toMatch(/^….*marmalade.*…$/);
    expect(long?.snippet.length).toBeLessThan(300);
    expect(long && marked(long)).toEqual(['marmalade']);

    await send(t, provider, conversation.id, '🎉🎉 party at 👩‍💻 office');
    const [emoji] = (await search(client, { q: 'office' })).items;
    // 🎉 is 2 UTF-16 units, 👩‍💻 is 5 (two surrogate pairs and a joiner): "office" starts at unit 20.
    expect(emoji).toMatchObject({ snippet: '🎉🎉 party at 👩‍💻 office', highlights: [{ start: 20, end: 26 }] });
  });

  it('pages with a cursor: every hit once, in the order of one big page', async () => {
    const { client, provider, conversation } = await createProject(t);
    for (let i = 0; i < 7; i += 1) await send(t, provider, conversation.id, `${'nugget '.repeat(1 + (i % 3))}page test ${i}`);
    const whole = (await search(client, { q: 'nugget', limit: 50 })).items.map((hit) => hit.message.id);
    expect(whole).toHaveLength(7);
    const { ids, pages } = await drain(client, { q: 'nugget', limit: 3 });
    expect(pages).toBe(3);
    expect(ids).toEqual(whole);
  });

  it('keeps its place while messages arrive elsewhere between pages', async () => {
    const { client, provider, conversation } = await createProject(t);
    const others = await createProject(t);
    for (let i = 0; i < 6; i += 1) await send(t, provider, conversation.id, `${'otter '.repeat(1 + (i % 3))}${'x '.repeat(3 - (i % 3))}end`);
    const whole = (await search(client, { q: 'otter', limit: 50 })).items.map((hit) => hit.message.id);
    const { ids } = await drain(client, { q: 'otter', limit: 2 }, async () => {
      // More matches and longer messages elsewhere change every bm25 score on SQLite.
      for (let i = 0; i < 5; i += 1) await send(t, others.provider, others.conversation.id, `otter otter otter ${fillerWords(i * 10)}`);
    });
    expect(ids).toEqual(whole);
  });

  it('refuses bad queries and anonymous callers', async () => {
    const { client } = await createProject(t);
    const refused: Query[] = [{}, { q: '' }, { q: '   ' }, { q: 'x'.repeat(201) }, { q: 'a', limit: 0 }, { q: 'a', limit: 51 }, { q: 'a', cursor: 'nope' }];
    for (const query of refused) {
      await expectError(searchRaw(t, client, query), 400, 'VALIDATION_FAILED');
    }
    await expectError(searchRaw(t, client, { q: 'a', cursor: Buffer.from('["high","x"]').toString('base64url') }), 400, 'VALIDATION_FAILED');
    expect((await search(client, { q: 'ü'.repeat(200) })).items).toEqual([]);
    await expectError(t.api(null, 'GET', '/search/messages?q=a'), 401, 'UNAUTHENTICATED');
  });

  /** A second accepted project of `client`'s, with a new provider; returns that provider and the conversation id. */
  async function acceptAnotherProject(client: Actor): Promise<{ provider: Actor; conversationId: string }> {
    const provider = await signIn(t, { role: 'provider' });
    const admin = await signIn(t, { role: 'admin' });
    const request = await expectStatus(t.api(client.token, 'POST', '/requests', { title: 'Second job', description: 'Another one' }), 201);
    const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
    await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
    const accepted = await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
    return { provider, conversationId: accepted.conversation.id };
  }
});

/** `n` distinct filler words. */
const fillerWords = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(' ');

/** The search migration, typed as the Migrator runs it (`Kysely<any>`). */
const searchMigration: Migration = searchMigrationModule;

/**
 * The migration indexes messages stored before it ran: the index is dropped (`down`), messages are sent
 * through the API, and `up` runs again on that database.
 */
describe.each(dialects)('search migration (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  it('makes earlier messages searchable and keeps new ones in step', async () => {
    const { client, provider, conversation } = await createProject(t);
    const { db } = t.server.database;
    await searchMigration.down?.(db);
    const before = await send(t, provider, conversation.id, 'stored before the albatross index');
    await searchMigration.up(db);
    const after = await send(t, provider, conversation.id, 'stored after the albatross index');
    const page: SearchPage = await expectStatus(searchRaw(t, client, { q: 'albatross', limit: 50 }), 200);
    expect(page.items.map((hit) => hit.message.id).sort()).toEqual([before.id, after.id].sort());
    await db.updateTable('messages').set({ text: 'renamed bird' }).where('id', '=', before.id).execute();
    const renamed: SearchPage = await expectStatus(searchRaw(t, client, { q: 'albatross' }), 200);
    expect(renamed.items.map((hit) => hit.message.id)).toEqual([after.id]);
  });
});
