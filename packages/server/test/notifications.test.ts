import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Notification } from '@parley/protocol';
import { expectError, ISO_UTC } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { emitWithAck, nextEvent } from './support/events.js';
import { createProject, expectStatus, proposalBody, sendMessage, type Actor, type ProjectFixture } from './support/factories.js';
import { record, type EventPayload } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

// Issue 4: a stored message notifies each other participant who is not viewing its conversation (no socket joined
// through `conversation:join`) and has not muted it; one unread notification per (user, conversation), whose count grows.

describe.each(dialects)('notifications (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  /**
   * A project whose notifications for its system message (written after the acceptance was answered) have
   * landed: waiting for the server's background work is not a sleep, it ends when that work does.
   */
  async function settledProject(): Promise<ProjectFixture> {
    const fixture = await createProject(t, { title: 'Logo design' });
    await t.server.app.settled();
    return fixture;
  }
  const send = async (actor: Actor, conversationId: string, text: string): Promise<Message> =>
    expectStatus(sendMessage(t, actor, conversationId, { text }), 201);
  const list = (actor: Actor, query = '') => expectStatus(t.api(actor.token, 'GET', `/notifications${query}`), 200);
  const readAll = (actor: Actor) => expectStatus(t.api(actor.token, 'POST', '/notifications/read', { all: true }), 200);
  /** Matches the notification of the message with this text (known before the send, so the listener is in place first). */
  const aboutText = (text: string) => (event: EventPayload<'notification:new'>) => event.notification.preview === text;
  const forConversation = (conversationId: string) => (event: EventPayload<'notification:new'>) => event.notification.conversationId === conversationId;

  it('notifies a participant who is not viewing, with the project and message, and lists it', async () => {
    const { client, provider, project, conversation } = await settledProject();
    const providerSocket = await t.connect(provider.token);
    const clientSocket = await t.connect(client.token);
    const clientHeard = record(clientSocket, 'notification:new');
    await readAll(provider);

    const incoming = nextEvent(providerSocket, 'notification:new', forConversation(conversation.id));
    const message = await send(client, conversation.id, 'Here is the first logo draft.');
    const { notification } = await incoming;
    expect(notification).toEqual({
      id: expect.any(String),
      type: 'message.new',
      projectId: project.id,
      projectTitle: 'Logo design',
      conversationId: conversation.id,
      messageId: message.id,
      senderId: client.id,
      senderName: client.name,
      preview: 'Here is the first logo draft.',
      count: 1,
      createdAt: message.createdAt,
      readAt: null,
    });
    const page = await list(provider, '?unread=true');
    expect(page).toEqual({ items: [notification], nextCursor: null });

    // The sender is never notified of their own message: the client's first notification is for the provider's reply.
    const reply = nextEvent(clientSocket, 'notification:new', forConversation(conversation.id));
    const answer = await send(provider, conversation.id, 'Looks great');
    expect((await reply).notification.messageId).toBe(answer.id);
    expect(clientHeard.map((event) => event.notification.messageId)).toEqual([answer.id]);
  });

  it('notifies for system messages with senderName "Parley", and cuts the preview to 100 code points', async () => {
    const { client, provider, conversation } = await settledProject();
    const [system] = (await list(provider)).items as Notification[];
    expect(system).toMatchObject({ conversationId: conversation.id, senderId: null, senderName: 'Parley', count: 1, readAt: null });
    expect(system?.preview).toMatch(/^Project started: Logo design/);
    expect(system?.createdAt).toMatch(ISO_UTC);

    await readAll(provider);
    const providerSocket = await t.connect(provider.token);
    const incoming = nextEvent(providerSocket, 'notification:new', forConversation(conversation.id));
    await send(client, conversation.id, '🎨'.repeat(150));
    const { preview } = (await incoming).notification;
    expect([...preview].length).toBeLessThanOrEqual(100);
    expect(preview.startsWith('🎨🎨')).toBe(true);
  });

  it('does not notify a participant who is viewing the conversation', async () => {
    const { client, provider, conversation } = await settledProject();
    await readAll(provider);
    const providerSocket = await t.connect(provider.token);
    const heard = record(providerSocket, 'notification:new');
    expect(await emitWithAck(providerSocket, 'conversation:join', { conversationId: conversation.id })).toMatchObject({ ok: true });

    const delivered = nextEvent(providerSocket, 'message:new', (event) => event.message.text === 'while you look');
    await send(client, conversation.id, 'while you look');
    await delivered;
    expect(await emitWithAck(providerSocket, 'conversation:leave', { conversationId: conversation.id })).toEqual({ ok: true });

    // Notifications of one conversation are handled in order: had the first message notified, it would come first.
    const notified = nextEvent(providerSocket, 'notification:new', aboutText('after you left'));
    const later = await send(client, conversation.id, 'after you left');
    const incoming = await notified;
    expect(incoming.notification).toMatchObject({ count: 1, messageId: later.id });
    expect(heard.map((event) => event.notification.messageId)).toEqual([later.id]);
  });

  it('grows one unread notification per conversation, and starts a new one once it is read', async () => {
    const { client, provider, conversation } = await settledProject();
    await readAll(provider);
    const providerSocket = await t.connect(provider.token);

    const first = nextEvent(providerSocket, 'notification:new', forConversation(conversation.id));
    await send(client, conversation.id, 'one');
    const { notification: created } = await first;
    const second = nextEvent(providerSocket, 'notification:new', (event) => event.notification.count === 2);
    const newest = await send(client, conversation.id, 'two');
    const { notification: grown } = await second;
    expect(grown).toEqual({ ...created, count: 2, messageId: newest.id, preview: 'two', createdAt: newest.createdAt });
    expect((await list(provider, '?unread=true')).items).toEqual([grown]);

    expect(await readAll(provider)).toEqual({ updated: 1 });
    const third = nextEvent(providerSocket, 'notification:new', forConversation(conversation.id));
    const after = await send(client, conversation.id, 'three');
    const { notification: fresh } = await third;
    expect(fresh).toMatchObject({ count: 1, messageId: after.id, readAt: null });
    expect(fresh.id).not.toBe(created.id);

    const all = (await list(provider)).items as Notification[];
    expect(all.slice(0, 2).map((n) => [n.id, n.count])).toEqual([
      [fresh.id, 1],
      [created.id, 2],
    ]);
    expect(all[1]?.readAt).toMatch(ISO_UTC);
  });

  it('creates none while the conversation is muted, or muted until a moment still ahead', async () => {
    const { client, provider, conversation } = await settledProject();
    await readAll(provider);
    const providerSocket = await t.connect(provider.token);
    const heard = record(providerSocket, 'notification:new');
    const settings = (body: unknown) => expectStatus(t.api(provider.token, 'PATCH', `/conversations/${conversation.id}/settings`, body), 200);

    await settings({ muted: true });
    await send(client, conversation.id, 'muted');
    await t.server.app.settled(); // notifications are decided after commit: let that run before unmuting
    await settings({ muted: false });
    const unmutedNotified = nextEvent(providerSocket, 'notification:new', aboutText('unmuted'));
    const unmuted = await send(client, conversation.id, 'unmuted');
    await unmutedNotified;
    await readAll(provider);

    await settings({ mutedUntil: new Date(Date.now() + 60 * 60 * 1000).toISOString() });
    await send(client, conversation.id, 'muted for an hour');
    await t.server.app.settled();
    await settings({ mutedUntil: null });
    const backNotified = nextEvent(providerSocket, 'notification:new', aboutText('back'));
    const back = await send(client, conversation.id, 'back');
    await backNotified;

    // Each notification is its own (count 1): the muted messages neither notified nor grew one.
    expect(heard.map((event) => [event.notification.messageId, event.notification.count])).toEqual([
      [unmuted.id, 1],
      [back.id, 1],
    ]);
  });

  it('reads a conversation’s notification when the conversation is read up to its newest message', async () => {
    const { client, provider, conversation } = await settledProject();
    await readAll(client);
    const first = await send(provider, conversation.id, 'first draft');
    const second = await send(provider, conversation.id, 'second draft');
    await t.server.app.settled();
    const unread = async () => (await list(client, '?unread=true')).items.filter((n: Notification) => n.conversationId === conversation.id);
    expect(await unread()).toEqual([expect.objectContaining({ messageId: second.id, count: 2 })]);
    await expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/read`, { seq: first.seq }), 200);
    expect(await unread()).toHaveLength(1); // its newest message is still unread
    await expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/read`, { seq: second.seq }), 200);
    expect(await unread()).toEqual([]);
  });

  it('filters unread ones and pages newest first with a cursor', async () => {
    const { client, provider } = await settledProject();
    const conversations = [await anotherProject(client, provider), await anotherProject(client, provider)];
    await t.server.app.settled();
    const all = (await list(provider)).items as Notification[];
    expect(all).toHaveLength(3);
    // Newest first: the last project's system message leads.
    expect(all[0]?.conversationId).toBe(conversations[1]);
    expect(all.map((n) => n.createdAt)).toEqual([...all.map((n) => n.createdAt)].sort().reverse());

    const oldest = all[2];
    if (!oldest) throw new Error('three notifications');
    expect(await expectStatus(t.api(provider.token, 'POST', '/notifications/read', { ids: [oldest.id] }), 200)).toEqual({ updated: 1 });
    const unread = await list(provider, '?unread=true');
    expect(unread.items.map((n: Notification) => n.id)).toEqual([all[0]?.id, all[1]?.id]);

    const first = await list(provider, '?limit=2');
    expect(first.items.map((n: Notification) => n.id)).toEqual([all[0]?.id, all[1]?.id]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(provider, `?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(second).toEqual({ items: [{ ...oldest, readAt: expect.stringMatching(ISO_UTC) }], nextCursor: null });

    await expectError(t.api(provider.token, 'GET', '/notifications?cursor=nonsense'), 400, 'VALIDATION_FAILED');
  });

  it('marks only the caller’s own notifications read: others’ ids are ignored', async () => {
    const { client, provider } = await settledProject();
    const [clientNotification] = (await list(client)).items as Notification[];
    const [providerNotification] = (await list(provider)).items as Notification[];
    if (!clientNotification || !providerNotification) throw new Error('each party has the system message notification');

    const body = { ids: [clientNotification.id, providerNotification.id, 'no-such-id'] };
    expect(await expectStatus(t.api(provider.token, 'POST', '/notifications/read', body), 200)).toEqual({ updated: 1 });
    expect((await list(client, '?unread=true')).items).toEqual([clientNotification]);
    expect((await list(provider, '?unread=true')).items).toEqual([]);
    // Marking again changes nothing.
    expect(await expectStatus(t.api(provider.token, 'POST', '/notifications/read', body), 200)).toEqual({ updated: 0 });
    await expectError(t.api(provider.token, 'POST', '/notifications/read', {}), 400, 'VALIDATION_FAILED');
    await expectError(t.api(null, 'GET', '/notifications'), 401, 'UNAUTHENTICATED');
  });

  /** Another accepted project between the same two people; answers its conversation id. */
  async function anotherProject(client: Actor, provider: Actor): Promise<string> {
    const request = await expectStatus(t.api(client.token, 'POST', '/requests', { title: 'Follow-up', description: 'More work' }), 201);
    const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
    const accepted = await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
    return accepted.conversation.id;
  }
});
