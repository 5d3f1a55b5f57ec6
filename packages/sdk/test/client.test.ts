import { describe, expect, it } from 'vitest';
import type { Message } from '@parley/protocol';
import { ParleyClient, ParleyError } from '@parley/sdk';
import { dialects } from '../../server/test/support/databases.js';
import { createProject, signIn, uniqueId } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { clientPool, refreshingTokenSource, useSdkServer } from './support/sdk.js';

// The SDK's REST resources against a real server (contract § Identity, § Marketplace flow, § Conversations and messages).

describe.each(dialects)('ParleyClient REST resources (%s)', (dialect) => {
  let t: TestServer;
  const pool = clientPool();
  useSdkServer(pool, { dialect }, (server) => (t = server));

  it('me() answers the signed-in user from the token claims', async () => {
    const ada = await signIn(t, { role: 'client', name: 'Ada Lovelace' });
    const me = await pool.make(t, ada).me();
    expect(me).toMatchObject({ id: ada.id, name: 'Ada Lovelace', role: 'client', agencyId: null });
  });

  it('accepts a base URL with a trailing slash', async () => {
    const ada = await signIn(t, { role: 'client' });
    expect((await pool.at({ url: `${t.url}/`, token: ada.token }).me()).id).toBe(ada.id);
    expect((await pool.at({ url: `${t.url}//`, token: ada.token }).me()).id).toBe(ada.id);
  });

  it('refuses to build a client without token or getToken', () => {
    expect(() => new ParleyClient({ url: t.url })).toThrow(ParleyError);
    expect(() => new ParleyClient({ url: t.url })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', status: 0 }));
  });

  describe('projects', () => {
    it('lists the caller’s projects and gets one, for either side', async () => {
      const { client, provider, project } = await createProject(t, { title: uniqueId('Shop redesign') });
      const other = await createProject(t);
      const asClient = pool.make(t, client);
      const page = await asClient.projects.list();
      expect(page).toEqual({ items: [project], nextCursor: null });
      expect(await asClient.projects.get(project.id)).toEqual(project);
      expect(await pool.make(t, provider).projects.get(project.id)).toEqual(project);
      expect((await pool.make(t, other.client).projects.list()).items.map((p) => p.id)).toEqual([other.project.id]);
    });

    it('pages projects with limit and cursor', async () => {
      const { client, provider } = await createProject(t);
      // A second project for the same client and the (already approved) provider.
      const request = await t.api(client.token, 'POST', '/requests', { title: 'Second', description: 'Another one' });
      const proposal = await t.api(provider.token, 'POST', `/requests/${request.body.id}/proposals`, {
        price: 1000,
        currency: 'EUR',
        scope: 'More',
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect((await t.api(client.token, 'POST', `/proposals/${proposal.body.id}/accept`)).status).toBe(201);

      const sdk = pool.make(t, client);
      const first = await sdk.projects.list({ limit: 1 });
      expect(first.items).toHaveLength(1);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await sdk.projects.list({ limit: 1, cursor: first.nextCursor ?? '' });
      expect(second.items).toHaveLength(1);
      expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
      const all = await sdk.projects.list();
      expect(new Set(all.items.map((p) => p.id))).toEqual(new Set([first.items[0]?.id, second.items[0]?.id]));
    });

    it('close() completes a project, making its conversation read-only while history stays readable', async () => {
      const { client, provider, project, conversation } = await createProject(t);
      const asClient = pool.make(t, client);
      const asProvider = pool.make(t, provider);
      await asProvider.messages.send(conversation.id, { text: 'before closing' });

      const closed = await asClient.projects.close(project.id, 'completed');
      expect(closed).toMatchObject({ id: project.id, status: 'completed', terms: project.terms });
      expect((await asProvider.projects.get(project.id)).status).toBe('completed');
      expect((await asProvider.conversations.get(conversation.id)).status).toBe('read_only');

      const refused = await asProvider.messages.send(conversation.id, { text: 'after closing' }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ParleyError);
      expect(refused).toMatchObject({ code: 'CONVERSATION_READ_ONLY', status: 409 });
      const history = (await asProvider.messages.list(conversation.id)).items;
      expect(history.map((m) => m.text)).toContain('before closing');
      expect(history.map((m) => m.text)).not.toContain('after closing');
    });

    it('close() can cancel a project too', async () => {
      const { provider, project } = await createProject(t);
      expect((await pool.make(t, provider).projects.close(project.id, 'cancelled')).status).toBe('cancelled');
    });
  });

  describe('conversations', () => {
    it('lists the caller’s conversations and gets one with its participants', async () => {
      const { client, provider, conversation } = await createProject(t);
      const sdk = pool.make(t, client);
      const page = await sdk.conversations.list();
      expect(page.items.map((c) => c.id)).toEqual([conversation.id]);
      expect(page.nextCursor).toBeNull();
      const got = await sdk.conversations.get(conversation.id);
      expect(got).toMatchObject({ id: conversation.id, kind: 'project', status: 'active' });
      expect(got.participants.map((p) => p.userId).sort()).toEqual([client.id, provider.id].sort());
    });

    it('searches by project title and participant name', async () => {
      const tag = uniqueId('zq').replace(/-/g, '');
      const client = await signIn(t, { role: 'client', name: 'Search Client' });
      const first = await createProject(t, { title: `Kitchen ${tag}` });
      const second = await createProject(t, { title: `Garden ${tag}` });
      // Both projects are someone else's: search covers only the caller's own conversations.
      expect((await pool.make(t, client).conversations.list({ search: tag })).items).toEqual([]);

      const sdk = pool.make(t, first.client);
      expect((await sdk.conversations.list({ search: `kitchen ${tag}` })).items.map((c) => c.id)).toEqual([first.conversation.id]);
      expect((await sdk.conversations.list({ search: first.provider.name ?? '' })).items.map((c) => c.id)).toEqual([first.conversation.id]);
      expect(await sdk.conversations.list({ search: `garden ${tag}` })).toEqual({ items: [], nextCursor: null });
      const theirs = pool.make(t, second.provider);
      expect((await theirs.conversations.list({ search: `GARDEN ${tag}` })).items.map((c) => c.id)).toEqual([second.conversation.id]);
    });
  });

  describe('messages', () => {
    it('send() stores a trimmed text message and a repeated clientId returns the same message', async () => {
      const { client, provider, conversation } = await createProject(t);
      const sdk = pool.make(t, client);
      const clientId = uniqueId('cid');
      const sent = await sdk.messages.send(conversation.id, { text: '  hello there  ', clientId });
      expect(sent).toMatchObject({ conversationId: conversation.id, seq: 2, senderId: client.id, type: 'text', text: 'hello there', clientId });

      const again = await sdk.messages.send(conversation.id, { text: 'hello there', clientId });
      expect(again).toEqual(sent);
      const history = await pool.make(t, provider).messages.list(conversation.id);
      expect(history.items.filter((m) => m.clientId === clientId)).toEqual([sent]);
      expect(history.items.map((m) => m.seq)).toEqual([1, 2]);
    });

    it('edit(), react(), unreact(), edits(), delete() and search() act on a message and answer it as the caller sees it', async () => {
      const { client, provider, conversation } = await createProject(t);
      const sdk = pool.make(t, client);
      const other = pool.make(t, provider);
      const sent = await sdk.messages.send(conversation.id, { text: 'The invoice follows tomorrow' });
      expect(await sdk.messages.edit(sent.id, 'The invoice follows on Monday')).toMatchObject({ text: 'The invoice follows on Monday', editedAt: expect.any(String) });
      expect((await other.messages.edits(sent.id)).items.map((e) => e.text)).toEqual(['The invoice follows tomorrow']);
      expect((await other.messages.react(sent.id, '👍')).reactions).toEqual([{ emoji: '👍', count: 1, userIds: [provider.id], me: true }]);
      expect((await sdk.messages.list(conversation.id)).items.at(-1)?.reactions).toEqual([{ emoji: '👍', count: 1, userIds: [provider.id], me: false }]);
      expect((await other.messages.unreact(sent.id, '👍')).reactions).toEqual([]);
      expect((await other.messages.pin(sent.id)).items.map((p) => p.message.id)).toEqual([sent.id]);
      expect((await sdk.messages.pins(conversation.id)).items.map((p) => p.pinnedBy)).toEqual([provider.id]);
      expect((await sdk.messages.pin(sent.id, false)).items).toEqual([]);
      const hits = await other.messages.search({ q: 'invoice monday' });
      expect(hits.items.map((hit) => hit.message.id)).toEqual([sent.id]);
      expect(hits.items[0]?.highlights.length).toBe(2);
      expect(await sdk.messages.delete(sent.id)).toMatchObject({ id: sent.id, text: '', deletedAt: expect.any(String) });
      expect((await other.messages.search({ q: 'invoice' })).items).toEqual([]);
      await expect(other.messages.edit(sent.id, 'not mine')).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    });

    it('reports.create() and the admin methods: review a report, lock the conversation, read the audit log', async () => {
      const { client, provider, conversation } = await createProject(t);
      const admin = pool.make(t, await signIn(t, { role: 'admin' }));
      const offending = await pool.make(t, provider).messages.send(conversation.id, { text: 'Pay me outside the platform' });
      const report = await pool.make(t, client).reports.create(offending.id, { reason: 'off_platform_contact' });
      expect((await admin.admin.reports({ status: 'open', limit: 100 })).items.map((r) => r.id)).toContain(report.id);
      expect(await admin.admin.resolveReport(report.id, { status: 'actioned', action: 'lock_conversation' })).toMatchObject({ status: 'actioned' });
      expect((await admin.admin.conversations({ status: 'locked', limit: 100 })).items.map((c) => c.id)).toContain(conversation.id);
      expect(await admin.admin.conversation(conversation.id)).toMatchObject({ id: conversation.id, status: 'locked', participantCount: 2 });
      await expect(pool.make(t, client).messages.send(conversation.id, { text: 'hello?' })).rejects.toMatchObject({ code: 'CONVERSATION_LOCKED', status: 409 });
      expect((await admin.admin.participants(conversation.id)).items.map((p) => p.userId).sort()).toEqual([client.id, provider.id].sort());
      expect((await admin.admin.messages(conversation.id)).items.map((m) => m.text)).toContain('Pay me outside the platform');
      expect((await admin.admin.audit({ conversationId: conversation.id })).items.map((e) => e.action)).toEqual(['report.resolved', 'conversation.status']);
      expect(await admin.admin.setConversationStatus(conversation.id, 'active')).toMatchObject({ status: 'active' });
      await expect(pool.make(t, client).admin.audit()).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    });

    it('createGroup(), addParticipant() and removeParticipant() manage a group inside a project', async () => {
      const { client, provider, project } = await createProject(t);
      const sdk = pool.make(t, provider);
      const group = await sdk.conversations.createGroup({ projectId: project.id, title: 'Kick-off', participantIds: [client.id] });
      expect(group).toMatchObject({ kind: 'group', title: 'Kick-off' });
      expect(group.participants.map((p) => p.userId).sort()).toEqual([client.id, provider.id].sort());
      await expect(sdk.conversations.addParticipant(group.id, client.id)).rejects.toMatchObject({ code: 'ALREADY_PARTICIPANT' });
      await expect(sdk.conversations.removeParticipant(group.id, client.id)).resolves.toBeUndefined();
      await expect(pool.make(t, client).conversations.get(group.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('list() returns the newest page and pages with before and after', async () => {
      const { client, provider, conversation } = await createProject(t);
      const sdk = pool.make(t, client);
      const sent: Message[] = [];
      for (let i = 2; i <= 8; i += 1) sent.push(await (i % 2 ? sdk : pool.make(t, provider)).messages.send(conversation.id, { text: `#${i}` }));
      expect(sent.map((m) => m.seq)).toEqual([2, 3, 4, 5, 6, 7, 8]);
      const seqs = (page: { items: Message[] }) => page.items.map((m) => m.seq);

      const newest = await sdk.messages.list(conversation.id, { limit: 3 });
      expect({ seqs: seqs(newest), hasMore: newest.hasMore }).toEqual({ seqs: [6, 7, 8], hasMore: true });
      expect(newest.items.map((m) => m.text)).toEqual(['#6', '#7', '#8']);

      const older = await sdk.messages.list(conversation.id, { before: 6, limit: 3 });
      expect({ seqs: seqs(older), hasMore: older.hasMore }).toEqual({ seqs: [3, 4, 5], hasMore: true });
      const oldest = await sdk.messages.list(conversation.id, { before: 3, limit: 3 });
      expect({ seqs: seqs(oldest), hasMore: oldest.hasMore }).toEqual({ seqs: [1, 2], hasMore: false });
      expect(oldest.items[0]?.type).toBe('system');

      const forward = await sdk.messages.list(conversation.id, { after: 2, limit: 4 });
      expect({ seqs: seqs(forward), hasMore: forward.hasMore }).toEqual({ seqs: [3, 4, 5, 6], hasMore: true });
      const rest = await sdk.messages.list(conversation.id, { after: 6, limit: 4 });
      expect({ seqs: seqs(rest), hasMore: rest.hasMore }).toEqual({ seqs: [7, 8], hasMore: false });

      const all = await sdk.messages.list(conversation.id);
      expect(seqs(all)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(all.items.slice(1)).toEqual(sent);
    });
  });

  describe('reads', () => {
    it('markRead() answers the read state, clears the unread count and never moves backwards', async () => {
      const { client, provider, conversation } = await createProject(t);
      const asClient = pool.make(t, client);
      const asProvider = pool.make(t, provider);
      await asClient.messages.send(conversation.id, { text: 'one' });
      const last = await asClient.messages.send(conversation.id, { text: 'two' });
      const before = await asProvider.conversations.get(conversation.id);
      expect(before.unreadCount).toBeGreaterThanOrEqual(2);

      expect(await asProvider.reads.markRead(conversation.id, last.seq)).toEqual({ lastReadSeq: last.seq, unreadCount: 0 });
      expect(await asProvider.conversations.get(conversation.id)).toMatchObject({ lastReadSeq: last.seq, unreadCount: 0 });
      expect(await asProvider.reads.markRead(conversation.id, 1)).toEqual({ lastReadSeq: last.seq, unreadCount: 0 });
    });
  });

  describe('getToken', () => {
    it('is called for every request, and each call’s token is the one used', async () => {
      const id = uniqueId('client');
      let calls = 0;
      const sdk = pool.make(t, {
        getToken: () => {
          calls += 1;
          // The server updates the user's name from each token's claims, so the name shows which token was used.
          return t.token({ id, role: 'client', name: `Grace v${calls}` });
        },
      });
      expect(calls).toBe(0);
      expect((await sdk.me()).name).toBe('Grace v1');
      expect((await sdk.me()).name).toBe('Grace v2');
      await sdk.conversations.list();
      expect(calls).toBe(3);
      expect((await sdk.me()).name).toBe('Grace v4');
    });

    it('is asked for a fresh token once after 401 UNAUTHENTICATED, and the call is made again with it', async () => {
      const user = { id: uniqueId('client'), role: 'client' as const };
      const { getToken, asked } = await refreshingTokenSource(t, user);
      const sdk = pool.make(t, { getToken });
      expect((await sdk.me()).id).toBe(user.id);
      expect(asked).toEqual(['plain', 'refresh']);
    });

    it('gives up with UNAUTHENTICATED when the refresh brings the same token', async () => {
      const expired = await t.token({ id: uniqueId('client'), role: 'client' }, -10);
      let calls = 0;
      const sdk = pool.make(t, {
        getToken: () => {
          calls += 1;
          return expired;
        },
      });
      await expect(sdk.me()).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
      expect(calls).toBe(2);
    });

    it('may answer synchronously', async () => {
      const ada = await signIn(t, { role: 'client' });
      let calls = 0;
      const sdk = pool.make(t, {
        getToken: () => {
          calls += 1;
          return ada.token;
        },
      });
      expect((await sdk.me()).id).toBe(ada.id);
      expect((await sdk.projects.list()).items).toEqual([]);
      expect(calls).toBe(2);
    });
  });
});
