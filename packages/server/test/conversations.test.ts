import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, proposalBody, signIn, uniqueId, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * `GET /api/conversations` and `GET /api/conversations/:id` (contract § Conversations and messages, § Conventions):
 * the caller's conversations, newest activity first, cursor-paged, searchable; participants only.
 */
describe.each(dialects)('conversations over REST (%s)', (dialect) => {
  let t: TestServer;
  let admin: Actor;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    admin = await signIn(t, { role: 'admin' });
  });
  afterAll(() => t.close());

  async function approvedProvider(name?: string): Promise<Actor> {
    const provider = await signIn(t, { role: 'provider', ...(name ? { name } : {}) });
    await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
    return provider;
  }

  /** Runs request → proposal → acceptance between two existing users; returns the new conversation. */
  async function projectBetween(client: Actor, provider: Actor, title: string): Promise<{ id: string; projectId: string }> {
    const request = await expectStatus(t.api(client.token, 'POST', '/requests', { title, description: 'Work' }), 201);
    const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
    return (await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201)).conversation;
  }

  const list = (actor: Actor, query = '') => expectStatus(t.api(actor.token, 'GET', `/conversations${query}`), 200);
  const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id);
  const sendText = (actor: Actor, conversationId: string, text: string) =>
    expectStatus(t.api(actor.token, 'POST', `/conversations/${conversationId}/messages`, { text }), 201);

  it('lists only the caller’s conversations, in the contract’s list shape', async () => {
    const mine = await createProject(t);
    const theirs = await createProject(t);
    const page = await list(mine.client);
    expect(page).toEqual({ items: [expect.objectContaining({ id: mine.conversation.id })], nextCursor: null });
    expect(ids(await list(mine.provider))).toEqual([mine.conversation.id]);
    expect(ids(await list(theirs.client))).toEqual([theirs.conversation.id]);
    expect(ids(await list(await signIn(t, { role: 'client' })))).toEqual([]);
  });

  it('orders by newest activity and moves a conversation to the top when a message arrives', async () => {
    const client = await signIn(t, { role: 'client' });
    const provider = await approvedProvider();
    const a = await projectBetween(client, provider, 'Job A');
    const b = await projectBetween(client, provider, 'Job B');
    const c = await projectBetween(client, provider, 'Job C');
    expect(ids(await list(client))).toEqual([c.id, b.id, a.id]);
    const sent = await sendText(provider, a.id, 'news on A');
    const page = await list(client);
    expect(ids(page)).toEqual([a.id, c.id, b.id]);
    expect(page.items[0].lastMessageAt >= sent.createdAt).toBe(true);
    await sendText(client, b.id, 'news on B');
    expect(ids(await list(provider))).toEqual([b.id, a.id, c.id]);
  });

  it('shows the newest message as lastMessage, with its seq, sender and preview', async () => {
    const { client, provider, conversation } = await createProject(t);
    await sendText(client, conversation.id, 'first');
    const sent = await sendText(provider, conversation.id, '  Deal, see you Monday.  ');
    const [item] = (await list(client)).items;
    expect(item.lastMessage).toEqual({
      id: sent.id,
      seq: sent.seq,
      senderId: provider.id,
      type: 'text',
      preview: 'Deal, see you Monday.',
      createdAt: sent.createdAt,
    });
  });

  it('cuts the preview to 100 code points, counting emoji as one', async () => {
    const { client, conversation } = await createProject(t);
    const text = '🎉'.repeat(60) + 'x'.repeat(90);
    await sendText(client, conversation.id, text);
    const { preview } = (await list(client)).items[0].lastMessage;
    const points = [...preview];
    expect(points.length).toBeLessThanOrEqual(100);
    expect(points.length).toBeGreaterThanOrEqual(99);
    expect(points.slice(0, 99).join('')).toBe([...text].slice(0, 99).join(''));
    expect(preview).not.toMatch(/[\uD800-\uDBFF]$/); // no lone high surrogate at the cut
    const exact = 'y'.repeat(100);
    await sendText(client, conversation.id, exact);
    expect((await list(client)).items[0].lastMessage.preview).toBe(exact);
  });

  it('counts others’ messages after the caller’s lastReadSeq as unread, never the caller’s own', async () => {
    const { client, provider, conversation } = await createProject(t);
    await expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/read`, { seq: 1 }), 200);
    await expectStatus(t.api(provider.token, 'POST', `/conversations/${conversation.id}/read`, { seq: 1 }), 200);
    for (const text of ['one', 'two', 'three']) await sendText(client, conversation.id, text);
    await sendText(provider, conversation.id, 'reply one');
    await sendText(provider, conversation.id, 'reply two');

    const clientView = (await list(client)).items[0];
    expect(clientView.unreadCount).toBe(2);
    const history = await expectStatus(t.api(provider.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
    for (const actor of [client, provider]) {
      const view = (await list(actor)).items[0];
      const expected = history.items.filter((m: { seq: number; senderId: string | null }) => m.seq > view.lastReadSeq && m.senderId !== actor.id);
      expect(view.unreadCount).toBe(expected.length);
    }
  });

  it('visits every conversation exactly once through cursor pages, ending with nextCursor null', async () => {
    const client = await signIn(t, { role: 'client' });
    const provider = await approvedProvider();
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) created.push((await projectBetween(client, provider, `Paged ${i}`)).id);
    const everything = ids(await list(client, '?limit=100'));
    expect([...everything].sort()).toEqual([...created].sort());

    for (const limit of [1, 2, 3, 5]) {
      const visited: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await list(
          client,
          `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(limit);
        visited.push(...ids(page));
        cursor = page.nextCursor;
        pages += 1;
        expect(pages).toBeLessThanOrEqual(created.length + 1);
      } while (cursor !== null);
      expect(visited).toEqual(everything);
    }
  });

  it('refuses a malformed cursor with 400 VALIDATION_FAILED', async () => {
    const { client } = await createProject(t);
    const garbage = ['not-a-cursor', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')];
    for (const cursor of garbage) {
      const response = await t.api(client.token, 'GET', `/conversations?cursor=${encodeURIComponent(cursor)}`);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(response.body.error.details)).toContain('cursor');
    }
  });

  it.each(['0', '101', 'many'])('refuses limit=%s with 400', async (limit) => {
    const { client } = await createProject(t);
    const response = await t.api(client.token, 'GET', `/conversations?limit=${limit}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  describe('search', () => {
    let client: Actor;
    let ada: { id: string };
    let bob: { id: string };
    let tag: string;
    beforeAll(async () => {
      tag = uniqueId('Zq').replace(/-/g, '');
      client = await signIn(t, { role: 'client' });
      const lovelace = await approvedProvider(`Ada Lovelace${tag}`);
      const hopper = await approvedProvider(`Grace Hopper${tag}`);
      ada = await projectBetween(client, lovelace, `Kitchen Remodel ${tag}`);
      bob = await projectBetween(client, hopper, `Garden Fence ${tag}`);
    });
    const searchIds = async (term: string, actor: Actor = client) => ids(await list(actor, `?search=${encodeURIComponent(term)}`)).sort();

    it('matches the project and conversation title, case-insensitively', async () => {
      expect(await searchIds('kitchen remodel')).toEqual([ada.id]);
      expect(await searchIds('GARDEN')).toEqual([bob.id]);
      expect(await searchIds(tag.toUpperCase())).toEqual([ada.id, bob.id].sort());
    });

    it('matches participant names, case-insensitively', async () => {
      expect(await searchIds(`lovelace${tag}`.toLowerCase())).toEqual([ada.id]);
      expect(await searchIds('grace HOPPER')).toEqual([bob.id]);
    });

    it('folds case beyond ASCII in names and titles', async () => {
      const owner = await signIn(t, { role: 'client' });
      const elodie = await approvedProvider(`Élodie Østergård ${tag}`);
      const conversation = await projectBetween(owner, elodie, `Ärztehaus Café ${tag}`);
      for (const term of ['élodie', 'ÉLODIE', 'østergård', 'ØSTERGÅRD', 'ärztehaus', 'CAFÉ']) {
        expect({ term, found: await searchIds(term, owner) }).toEqual({ term, found: [conversation.id] });
      }
    });

    it('returns no items when nothing matches, and treats LIKE wildcards literally', async () => {
      expect(await list(client, `?search=${encodeURIComponent(`no match ${tag}`)}`)).toEqual({ items: [], nextCursor: null });
      expect(await searchIds('%')).toEqual([]);
      expect(await searchIds('_')).toEqual([]);
    });

    it('searches only among the caller’s conversations', async () => {
      const stranger = await signIn(t, { role: 'client' });
      expect(await searchIds('Kitchen', stranger)).toEqual([]);
    });
  });

  describe('one conversation', () => {
    it('shows a conversation to each participant with its participants and the caller’s state', async () => {
      const { client, provider, project, conversation } = await createProject(t, { title: 'Logo design' });
      for (const actor of [client, provider]) {
        const body = await expectStatus(t.api(actor.token, 'GET', `/conversations/${conversation.id}`), 200);
        expect(body).toMatchObject({
          id: conversation.id,
          projectId: project.id,
          kind: 'project',
          status: 'active',
          muted: false,
          mutedUntil: null,
          archived: false,
          pinned: false,
        });
        expect(body.title).toContain('Logo design');
        expect(body.participants).toHaveLength(2);
        expect(body.participants).toEqual(
          expect.arrayContaining([
            // Nobody has read the system message (seq 1) yet, and nobody has connected a socket.
            { userId: client.id, name: client.name, role: 'client', lastReadSeq: 0, online: false, lastSeenAt: null },
            { userId: provider.id, name: provider.name, role: 'provider', lastReadSeq: 0, online: false, lastSeenAt: null },
          ]),
        );
        expect(body.lastMessage).toMatchObject({ seq: 1, type: 'system', senderId: null });
      }
    });

    it('answers 404 NOT_FOUND to a non-participant and for an unknown id', async () => {
      const { conversation } = await createProject(t);
      const outsider = await signIn(t, { role: 'provider' });
      for (const path of [`/conversations/${conversation.id}`, '/conversations/does-not-exist']) {
        const response = await t.api(outsider.token, 'GET', path);
        expect(response.status).toBe(404);
        expect(response.body.error.code).toBe('NOT_FOUND');
      }
    });
  });
});
