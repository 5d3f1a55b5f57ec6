import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncChange, SyncPage } from '@parley/protocol';
import { expectError } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, sendMessage, signIn, uniqueId, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';
import { drainSync, drainSyncUntil } from './support/sync.js';

/**
 * `GET /api/sync?since=&limit=` (issue 4, guarantee 4): everything that changed in the caller's
 * conversations since a cursor, each change under the next `seq` of its conversation's change stream.
 */
describe.each(dialects)('sync (%s)', (dialect) => {
  let t: TestServer;
  let outsider: Actor;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    outsider = await signIn(t, { role: 'client' });
  });
  afterAll(() => t.close());

  const syncPage = (actor: Actor, query: string): Promise<SyncPage> => expectStatus(t.api(actor.token, 'GET', `/sync${query}`), 200);
  /** A fresh "now" cursor (cursors are positions in one global order, whoever asks). */
  const now = async () => (await syncPage(outsider, '')).cursor;
  const drain = (actor: Actor, since: string, limit = 100) => drainSync(t, actor, since, limit);
  const drainUntil = (actor: Actor, since: string, ready: (changes: SyncChange[]) => boolean, limit = 100) =>
    drainSyncUntil(t, actor, since, ready, limit);
  const send = async (actor: Actor, conversationId: string, text: string) =>
    expectStatus(sendMessage(t, actor, conversationId, { text, clientId: uniqueId('c') }), 201);

  it('starts from now without a cursor: no changes, and nothing older appears later', async () => {
    const { client, provider, conversation } = await createProject(t);
    await send(provider, conversation.id, 'before the cursor');
    const first = await syncPage(client, '');
    expect(first).toEqual({ changes: [], cursor: expect.any(String), hasMore: false });
    if (dialect === 'sqlite') expect((await drain(client, first.cursor)).changes).toEqual([]);
    const after = await send(provider, conversation.id, 'after the cursor');
    const { changes } = await drainUntil(client, first.cursor, (found) => found.some((c) => c.kind === 'message.created' && c.message.id === after.id));
    const ids = changes.map((c) => c.kind === 'message.created' && c.message.id);
    expect(ids.at(-1)).toBe(after.id);
    // On PostgreSQL a fresh cursor may still let through a change committed just before it while an older
    // transaction elsewhere on the server was running (a repeat, never a loss); on SQLite it is exact.
    if (dialect === 'sqlite') expect(ids).toEqual([after.id]);
  });

  it('returns a new project’s participants and messages, reads and status changes, under gap-free change seqs', async () => {
    const since = await now();
    const { client, provider, project, conversation } = await createProject(t);
    const hello = await send(provider, conversation.id, 'hello');
    const reply = await send(client, conversation.id, 'hi there'); // covers the provider's message: a read change
    await expectStatus(t.api(provider.token, 'POST', `/conversations/${conversation.id}/read`, { seq: reply.seq }), 200);
    await expectStatus(t.api(client.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);

    const { changes } = await drainUntil(client, since, (found) => found.length >= 10);
    expect(changes.every((c) => c.conversationId === conversation.id)).toBe(true);
    expect(changes.map((c) => c.seq)).toEqual(changes.map((_, i) => i + 1));
    const summary = changes.map((c) => {
      switch (c.kind) {
        case 'message.created':
          return `message ${c.message.type} ${c.message.text.startsWith('Project started') ? 'started' : c.message.text}`;
        case 'conversation.read':
          return `read ${c.userId === client.id ? 'client' : 'provider'} ${c.lastReadSeq}`;
        case 'participant.added':
          return `added ${c.userId === client.id ? 'client' : 'provider'}`;
        case 'conversation.updated':
          return `status ${c.conversation.status}`;
      }
    });
    expect(summary).toEqual([
      'added client',
      'added provider',
      'message system started',
      'message text hello',
      `read provider ${hello.seq}`, // the provider's first message covers the system message
      'message text hi there',
      `read client ${reply.seq}`,
      `read provider ${reply.seq}`,
      expect.stringMatching(/^message system .*marked the project completed/),
      'status read_only',
    ]);
    const created = changes.find((c) => c.kind === 'message.created' && c.message.id === hello.id);
    expect(created).toMatchObject({ kind: 'message.created', message: hello });
    const added = changes.find((c) => c.kind === 'participant.added');
    expect(added).toMatchObject({ conversation: { id: conversation.id, projectId: project.id } });
  });

  it('pages with limit: every change exactly once, in order, then an empty answer from the last cursor', async () => {
    const since = await now();
    const { client, provider, conversation } = await createProject(t);
    const sent = [];
    for (let i = 1; i <= 7; i += 1) sent.push(await send(provider, conversation.id, `page test ${i}`));
    const { changes, cursor, pages } = await drainUntil(client, since, (found) => found.length >= 11, 2);
    // Two participants added, the system message, 7 messages and one read change (the provider's first
    // message covers the system message): 11 changes, 6 pages of 2.
    expect(changes).toHaveLength(11);
    expect(changes.map((c) => c.seq)).toEqual(changes.map((_, i) => i + 1));
    expect(pages).toBe(6);
    expect(changes.flatMap((c) => (c.kind === 'message.created' && c.message.type === 'text' ? [c.message.id] : []))).toEqual(sent.map((m) => m.id));
    expect(await syncPage(client, `?since=${encodeURIComponent(cursor)}`)).toEqual({ changes: [], cursor, hasMore: false });
  });

  it('shows a worker the conversation they were added to, and nobody else’s changes', async () => {
    const since = await now();
    const { client, provider, project, conversation } = await createProject(t, { agency: true });
    const worker = await signIn(t, { role: 'worker', agencyId: provider.id });
    await send(client, conversation.id, 'before the worker');
    await expectStatus(t.api(provider.token, 'POST', `/projects/${project.id}/workers`, { userId: worker.id }), 200);
    const { changes } = await drainUntil(worker, since, (found) => found.some((c) => c.kind === 'participant.added' && c.userId === worker.id));
    const added = changes.find((c) => c.kind === 'participant.added' && c.userId === worker.id);
    expect(added).toMatchObject({ conversation: { id: conversation.id } });
    expect((await drain(outsider, since)).changes).toEqual([]);
  });

  it('loses nothing while many senders write at once and a client syncs all along', async () => {
    const fixtures = await Promise.all([createProject(t), createProject(t)]);
    const since = await now();
    const reader = fixtures[0].client;
    const sends = fixtures.flatMap(({ client, provider: p, conversation }) =>
      Array.from({ length: 30 }, (_, i) => send(i % 2 === 0 ? client : p, conversation.id, `burst ${i}`)),
    );
    const seen = new Map<string, number>();
    const foreign: string[] = [];
    // Only this test's messages: a fresh cursor may still let the projects' creation through on PostgreSQL.
    const count = (changes: SyncChange[]) => {
      for (const change of changes) {
        if (change.conversationId !== fixtures[0].conversation.id) foreign.push(change.conversationId);
        else if (change.kind === 'message.created' && change.message.text.startsWith('burst')) {
          seen.set(change.message.id, (seen.get(change.message.id) ?? 0) + 1);
        }
      }
    };
    let cursor = since;
    let done = false;
    const all = Promise.all(sends).finally(() => {
      done = true;
    });
    const poll = async () => {
      while (!done) {
        const page = await syncPage(reader, `?since=${encodeURIComponent(cursor)}&limit=5`);
        count(page.changes);
        cursor = page.cursor;
      }
    };
    const [messages] = await Promise.all([all, poll()]);
    const own = messages.filter((m) => m.conversationId === fixtures[0].conversation.id).map((m) => m.id);
    const rest = await drainUntil(reader, cursor, (found) => own.every((id) => seen.has(id) || found.some((c) => c.kind === 'message.created' && c.message.id === id)));
    count(rest.changes);
    expect(own).toHaveLength(30);
    expect(own.filter((id) => seen.get(id) !== 1)).toEqual([]);
    expect([...seen.keys()].filter((id) => !own.includes(id))).toEqual([]);
    expect(foreign).toEqual([]); // nothing from the other project
  });

  it('refuses a cursor it did not issue and a limit out of range', async () => {
    const { client } = await createProject(t);
    const error = await expectError(t.api(client.token, 'GET', '/sync?since=not-a-cursor'), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(error.details)).toContain('since');
    await expectError(t.api(client.token, 'GET', `/sync?since=${Buffer.from('["x","1"]').toString('base64url')}`), 400, 'VALIDATION_FAILED');
    await expectError(t.api(client.token, 'GET', '/sync?limit=0'), 400, 'VALIDATION_FAILED');
    await expectError(t.api(client.token, 'GET', '/sync?limit=501'), 400, 'VALIDATION_FAILED');
    await expectError(t.api('', 'GET', '/sync'), 401, 'UNAUTHENTICATED');
  });
});
