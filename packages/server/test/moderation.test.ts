import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@parley/protocol';
import { expectError } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { nextEvent } from './support/events.js';
import { createProject, expectStatus, proposalBody, sendMessage, signIn, uniqueId, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

/** Issue 5 § Moderation and admin: reports, the admin conversation endpoints, locking, the audit log. */
describe.each(dialects)('moderation and admin (%s)', (dialect) => {
  let t: TestServer;
  let admin: Actor;
  let outsider: Actor;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    admin = await signIn(t, { role: 'admin' });
    outsider = await signIn(t, { role: 'provider' });
  });
  afterAll(() => t.close());

  const send = (actor: Actor, conversationId: string, text: string): Promise<Message> => expectStatus(sendMessage(t, actor, conversationId, { text }), 201);
  const report = (actor: Actor, messageId: string, body: unknown) => t.api(actor.token, 'POST', `/messages/${messageId}/reports`, body);
  const resolve = (actor: Actor, reportId: string, body: unknown) => t.api(actor.token, 'PATCH', `/admin/reports/${reportId}`, body);
  const setStatus = (actor: Actor, conversationId: string, status: string) => t.api(actor.token, 'PATCH', `/admin/conversations/${conversationId}/status`, { status });

  describe('reports', () => {
    it('takes one report per user and message from participants, keeping the text for review', async () => {
      const { client, provider, conversation } = await createProject(t);
      const offending = await send(provider, conversation.id, 'Pay me directly at paypal.me/someone');
      const created = await expectStatus(report(client, offending.id, { reason: 'off_platform_contact', note: '  asks to pay outside  ' }), 201);
      expect(created).toMatchObject({
        messageId: offending.id,
        conversationId: conversation.id,
        reporterId: client.id,
        reason: 'off_platform_contact',
        note: 'asks to pay outside',
        status: 'open',
        action: null,
        messagePreview: 'Pay me directly at paypal.me/someone',
        messageSenderId: provider.id,
        resolvedAt: null,
      });
      await expectError(report(client, offending.id, { reason: 'spam' }), 409, 'ALREADY_REPORTED');
      await expectError(report(outsider, offending.id, { reason: 'spam' }), 404, 'NOT_FOUND');
      await expectError(report(client, offending.id, { reason: 'rude' }), 400, 'VALIDATION_FAILED');
      const queue = await expectStatus(t.api(admin.token, 'GET', '/admin/reports?status=open&limit=100'), 200);
      expect(queue.items.filter((r: { id: string }) => r.id === created.id)).toEqual([created]);
    });

    it('lets admins dismiss, delete the message or lock the conversation, once, with an audit entry', async () => {
      const { client, provider, conversation } = await createProject(t);
      const first = await send(provider, conversation.id, 'spam spam');
      const second = await send(provider, conversation.id, 'harassment');
      const dismissed = await expectStatus(report(client, first.id, { reason: 'spam' }), 201);
      const acted = await expectStatus(report(client, second.id, { reason: 'harassment' }), 201);

      await expectError(resolve(client, dismissed.id, { status: 'dismissed' }), 403, 'FORBIDDEN');
      await expectError(resolve(admin, dismissed.id, { status: 'actioned' }), 400, 'VALIDATION_FAILED');
      await expectError(resolve(admin, dismissed.id, { status: 'dismissed', action: 'delete_message' }), 400, 'VALIDATION_FAILED');
      expect(await expectStatus(resolve(admin, dismissed.id, { status: 'dismissed' }), 200)).toMatchObject({ status: 'dismissed', action: null, resolvedBy: admin.id });
      await expectError(resolve(admin, dismissed.id, { status: 'actioned', action: 'delete_message' }), 409, 'REPORT_ALREADY_RESOLVED');

      const watcher = await t.connect(client.token);
      const deleted = nextEvent(watcher, 'message:deleted', (event) => event.messageId === second.id);
      expect(await expectStatus(resolve(admin, acted.id, { status: 'actioned', action: 'delete_message' }), 200)).toMatchObject({ status: 'actioned', action: 'delete_message' });
      await deleted;
      const history = (await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages`), 200)).items as Message[];
      expect(history.find((m) => m.id === second.id)).toMatchObject({ text: '', deletedAt: expect.any(String) });
      // The conversation list never shows a deleted message's text either.
      expect((await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}`), 200)).lastMessage).toMatchObject({ id: second.id, preview: '' });

      const audit = await expectStatus(t.api(admin.token, 'GET', `/admin/audit?conversationId=${conversation.id}`), 200);
      expect(audit.items.map((e: { action: string; actorId: string }) => `${e.action} ${e.actorId === admin.id ? 'admin' : 'other'}`)).toEqual([
        'report.resolved admin',
        'message.deleted admin',
        'report.resolved admin',
      ]);
      expect(audit.items[0].details).toMatchObject({ reportId: acted.id, status: 'actioned', action: 'delete_message' });
    });
  });

  describe('admin conversations', () => {
    it('refuses every admin route to non-admins', async () => {
      const { client, conversation } = await createProject(t);
      const routes: [string, string, unknown?][] = [
        ['GET', '/admin/conversations'],
        ['GET', `/admin/conversations/${conversation.id}`],
        ['PATCH', `/admin/conversations/${conversation.id}/status`, { status: 'locked' }],
        ['GET', `/admin/conversations/${conversation.id}/participants`],
        ['GET', `/admin/conversations/${conversation.id}/messages`],
        ['GET', '/admin/audit'],
        ['GET', '/admin/reports'],
        ['PATCH', `/admin/reports/${uniqueId('r')}`, { status: 'dismissed' }],
      ];
      for (const [method, path, body] of routes) await expectError(t.api(client.token, method, path, body), 403, 'FORBIDDEN');
      expect((await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}`), 200)).status).toBe('active');
    });

    it('lists every conversation with search and status, and shows participants and the full history', async () => {
      const name = `Zebulon ${uniqueId('z')}`;
      const client = await signIn(t, { role: 'client', name });
      const { provider, conversation, project } = await createProjectFor(client);
      const gone = await send(provider, conversation.id, 'regrettable words');
      await expectStatus(t.api(provider.token, 'DELETE', `/messages/${gone.id}`), 200);

      const found = await expectStatus(t.api(admin.token, 'GET', `/admin/conversations?search=${encodeURIComponent(name.toLowerCase())}`), 200);
      expect(found.items).toEqual([
        expect.objectContaining({ id: conversation.id, projectId: project.id, projectTitle: project.title, status: 'active', participantCount: 2 }),
      ]);
      expect(await expectStatus(t.api(admin.token, 'GET', `/admin/conversations/${conversation.id}`), 200)).toEqual(found.items[0]);
      await expectError(t.api(admin.token, 'GET', `/admin/conversations/${uniqueId('nope')}`), 404, 'NOT_FOUND');
      const participants = await expectStatus(t.api(admin.token, 'GET', `/admin/conversations/${conversation.id}/participants`), 200);
      expect(participants.items.map((p: { userId: string; role: string }) => [p.userId, p.role])).toEqual([
        [client.id, 'client'],
        [provider.id, 'provider'],
      ]);
      const history = await expectStatus(t.api(admin.token, 'GET', `/admin/conversations/${conversation.id}/messages`), 200);
      expect(history.items.find((m: Message) => m.id === gone.id)).toMatchObject({ text: 'regrettable words', deletedAt: expect.any(String) });
      await expectError(t.api(admin.token, 'GET', `/admin/conversations/${uniqueId('nope')}/participants`), 404, 'NOT_FOUND');

      await expectStatus(setStatus(admin, conversation.id, 'locked'), 200);
      const locked = await expectStatus(t.api(admin.token, 'GET', '/admin/conversations?status=locked&limit=100'), 200);
      expect(locked.items.map((c: { id: string }) => c.id)).toContain(conversation.id);
    });

    it('locks a conversation for its participants at once, archives it, and opens it again', async () => {
      const { client, provider, project, conversation } = await createProject(t);
      const message = await send(provider, conversation.id, 'before the lock');
      const watcher = await t.connect(client.token);
      const told = nextEvent(watcher, 'conversation:updated', ({ conversation: c }) => c.id === conversation.id && c.status === 'locked');
      const notice = nextEvent(watcher, 'message:new', ({ message: m }) => m.conversationId === conversation.id && m.type === 'system');
      expect(await expectStatus(setStatus(admin, conversation.id, 'locked'), 200)).toMatchObject({ id: conversation.id, status: 'locked' });
      await told;
      expect((await notice).message.text).toMatch(/administrator locked this conversation/);

      await expectError(sendMessage(t, client, conversation.id, { text: 'let me in' }), 409, 'CONVERSATION_LOCKED');
      await expectError(t.api(provider.token, 'PATCH', `/messages/${message.id}`, { text: 'edited' }), 409, 'CONVERSATION_LOCKED');
      await expectError(t.api(client.token, 'POST', `/messages/${message.id}/reactions`, { emoji: '👍' }), 409, 'CONVERSATION_LOCKED');
      expect((await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages`), 200)).items.length).toBeGreaterThan(0);

      await expectStatus(setStatus(admin, conversation.id, 'archived'), 200);
      await expectError(sendMessage(t, client, conversation.id, { text: 'still no' }), 409, 'CONVERSATION_READ_ONLY');
      await expectStatus(setStatus(admin, conversation.id, 'active'), 200);
      await send(client, conversation.id, 'open again');

      await expectStatus(t.api(client.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);
      await expectError(setStatus(admin, conversation.id, 'active'), 409, 'PROJECT_NOT_ACTIVE');
      await expectError(setStatus(admin, conversation.id, 'read_only'), 400, 'VALIDATION_FAILED');

      // Each status change is told in the conversation by a system message, closed or not.
      const history = await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages?limit=100`), 200);
      const notices = history.items.filter((m: Message) => m.type === 'system' && m.text.includes('administrator')).map((m: Message) => m.text.split('.')[0]);
      expect(notices).toEqual(['An administrator locked this conversation', 'An administrator archived this conversation', 'An administrator reopened this conversation']);

      const audit = await expectStatus(t.api(admin.token, 'GET', `/admin/audit?conversationId=${conversation.id}&actorId=${admin.id}`), 200);
      expect(audit.items.map((e: { details: { from: string; to: string } }) => `${e.details.from}→${e.details.to}`)).toEqual([
        'archived→active',
        'locked→archived',
        'active→locked',
      ]);
      for (const entry of audit.items) expect(entry).toMatchObject({ actorId: admin.id, actorName: admin.name, conversationTitle: conversation.title });
      const firstPage = await expectStatus(t.api(admin.token, 'GET', `/admin/audit?conversationId=${conversation.id}&limit=2`), 200);
      const secondPage = await expectStatus(t.api(admin.token, 'GET', `/admin/audit?conversationId=${conversation.id}&limit=2&cursor=${firstPage.nextCursor}`), 200);
      expect([...firstPage.items, ...secondPage.items]).toEqual(audit.items);
      expect(secondPage.nextCursor).toBeNull();
      await expectError(t.api(admin.token, 'GET', '/admin/audit?cursor=not-a-cursor'), 400, 'VALIDATION_FAILED');
      await expectError(t.api(admin.token, 'GET', '/admin/reports?cursor=not-a-cursor'), 400, 'VALIDATION_FAILED');
    });
  });

  /** A project whose client is `client` (a fresh provider, approved by the admin). */
  async function createProjectFor(client: Actor) {
    const provider = await signIn(t, { role: 'provider' });
    const request = await expectStatus(t.api(client.token, 'POST', '/requests', { title: `Mural ${uniqueId('p')}`, description: 'A wall' }), 201);
    const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
    await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
    const accepted = await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
    return { provider, project: accepted.project, conversation: accepted.conversation };
  }
});
