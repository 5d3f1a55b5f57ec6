import { describe, expect, it } from 'vitest';
import { ParleyError } from '@parley/sdk';
import { dialects } from '../../server/test/support/databases.js';
import { createProject, type ProjectFixture } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { clientPool, connected, nextSdkEvent, useSdkServer } from './support/sdk.js';

// The SDK's notifications and conversation settings against a real server (docs/api.md § Notifications,
// § Conversation settings, `notification:new`).

describe.each(dialects)('ParleyClient notifications and settings (%s)', (dialect) => {
  let t: TestServer;
  const pool = clientPool();
  useSdkServer(pool, { dialect }, (server) => (t = server));

  /** A project whose notifications for its opening system message have landed (the server's background work ended: no sleep). */
  async function settledProject(): Promise<ProjectFixture> {
    const fixture = await createProject(t, { title: 'Logo design' });
    await t.server.app.settled();
    return fixture;
  }

  describe('notifications', () => {
    it('list() answers the caller’s notifications, newest first, and filters unread ones', async () => {
      const { client, provider, project, conversation } = await settledProject();
      const asProvider = pool.make(t, provider);
      const first = await asProvider.notifications.list();
      expect(first.nextCursor).toBeNull();
      expect(first.items).toEqual([
        expect.objectContaining({ type: 'message.new', projectId: project.id, projectTitle: 'Logo design', conversationId: conversation.id, senderName: 'Parley', readAt: null }),
      ]);

      await asProvider.notifications.markRead({ all: true });
      const sent = await pool.make(t, client).messages.send(conversation.id, { text: 'Here is the first draft' });
      await t.server.app.settled();
      const unread = await asProvider.notifications.list({ unread: true });
      expect(unread.items).toEqual([
        expect.objectContaining({ conversationId: conversation.id, messageId: sent.id, senderId: client.id, senderName: client.name, preview: 'Here is the first draft', count: 1, readAt: null }),
      ]);
      const all = await asProvider.notifications.list();
      expect(all.items.map((n) => n.id)).toEqual([unread.items[0]?.id, first.items[0]?.id]);
    });

    it('list() pages with limit and cursor', async () => {
      const { client, provider, conversation } = await settledProject();
      const asProvider = pool.make(t, provider);
      await asProvider.notifications.markRead({ all: true });
      await pool.make(t, client).messages.send(conversation.id, { text: 'a second one' });
      await t.server.app.settled();

      const page = await asProvider.notifications.list({ limit: 1 });
      expect(page.items).toHaveLength(1);
      expect(page.nextCursor).toEqual(expect.any(String));
      const next = await asProvider.notifications.list({ limit: 1, cursor: page.nextCursor ?? '' });
      expect(next.items).toHaveLength(1);
      expect(next.items[0]?.id).not.toBe(page.items[0]?.id);
    });

    it('markRead() marks named ids or all read and answers how many changed; others’ ids are ignored', async () => {
      const { client, provider, conversation } = await settledProject();
      const asProvider = pool.make(t, provider);
      const asClient = pool.make(t, client);
      const [system] = (await asProvider.notifications.list({ unread: true })).items;
      if (!system) throw new Error('no system-message notification');

      expect(await asClient.notifications.markRead({ ids: [system.id] })).toEqual({ updated: 0 });
      expect(await asProvider.notifications.markRead({ ids: [system.id] })).toEqual({ updated: 1 });
      expect((await asProvider.notifications.list({ unread: true })).items).toEqual([]);
      const [read] = (await asProvider.notifications.list()).items;
      expect(read?.readAt).toEqual(expect.any(String));

      await asProvider.messages.send(conversation.id, { text: 'for the client' });
      await t.server.app.settled();
      expect((await asClient.notifications.markRead({ all: true })).updated).toBeGreaterThanOrEqual(1);
      expect((await asClient.notifications.list({ unread: true })).items).toEqual([]);
    });

    it('markRead() refuses an empty ids list with VALIDATION_FAILED', async () => {
      const { provider } = await settledProject();
      const refused = await pool.make(t, provider).notifications.markRead({ ids: [] }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ParleyError);
      expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    });

    it('delivers notification:new through on(), with the same id as its count grows', async () => {
      const { client, provider, conversation } = await settledProject();
      const asProvider = pool.make(t, provider);
      await asProvider.notifications.markRead({ all: true });
      await connected(asProvider);
      const asClient = pool.make(t, client);

      const firstEvent = nextSdkEvent(asProvider, 'notification:new', (e) => e.notification.preview === 'one');
      await asClient.messages.send(conversation.id, { text: 'one' });
      const { notification: first } = await firstEvent;
      expect(first).toMatchObject({ conversationId: conversation.id, count: 1, readAt: null });

      const secondEvent = nextSdkEvent(asProvider, 'notification:new', (e) => e.notification.preview === 'two');
      await asClient.messages.send(conversation.id, { text: 'two' });
      const { notification: second } = await secondEvent;
      expect(second).toMatchObject({ id: first.id, count: 2 });
    });
  });

  describe('conversations.updateSettings()', () => {
    it('mutes, archives and pins for the caller only, and answers the caller’s view', async () => {
      const { client, provider, conversation } = await settledProject();
      const asProvider = pool.make(t, provider);
      const muted = await asProvider.conversations.updateSettings(conversation.id, { muted: true, pinned: true });
      expect(muted).toMatchObject({ id: conversation.id, muted: true, pinned: true, archived: false });
      expect((await pool.make(t, client).conversations.get(conversation.id)).muted).toBe(false);

      const archived = await asProvider.conversations.updateSettings(conversation.id, { archived: true });
      expect(archived).toMatchObject({ muted: true, archived: true });
      expect((await asProvider.conversations.list({ archived: true })).items.map((c) => c.id)).toEqual([conversation.id]);
      expect((await asProvider.conversations.list({ archived: false })).items).toEqual([]);

      const until = new Date(Date.now() + 3_600_000).toISOString();
      expect(await asProvider.conversations.updateSettings(conversation.id, { muted: false, mutedUntil: until })).toMatchObject({ muted: false, mutedUntil: until });
      expect(await asProvider.conversations.updateSettings(conversation.id, { muted: false, archived: false })).toMatchObject({
        muted: false,
        mutedUntil: null,
        archived: false,
      });
    });

    it('a muted conversation creates no notification', async () => {
      const { client, provider, conversation } = await settledProject();
      const asProvider = pool.make(t, provider);
      await asProvider.notifications.markRead({ all: true });
      await asProvider.conversations.updateSettings(conversation.id, { muted: true });
      await pool.make(t, client).messages.send(conversation.id, { text: 'muted hello' });
      await t.server.app.settled();
      expect((await asProvider.notifications.list({ unread: true })).items).toEqual([]);
    });

    it('refuses an empty body with VALIDATION_FAILED and a non-participant with NOT_FOUND', async () => {
      const { provider, conversation } = await settledProject();
      const other = await settledProject();
      const asProvider = pool.make(t, provider);
      await expect(asProvider.conversations.updateSettings(conversation.id, {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
      await expect(pool.make(t, other.client).conversations.updateSettings(conversation.id, { muted: true })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        status: 404,
      });
    });
  });
});
