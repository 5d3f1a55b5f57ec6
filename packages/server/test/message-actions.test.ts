import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, SyncChange } from '@parley/protocol';
import { expectError } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { nextEvent } from './support/events.js';
import { createProject, expectStatus, proposalBody, sendMessage, signIn, uniqueId, type Actor, type ProjectFixture } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';
import { drainSyncUntil } from './support/sync.js';

/**
 * Issue 5 § Messages: edit (sender only, within the window, history kept), soft delete (sender or admin,
 * tombstone), reply quotes, forward, reactions; every change in the conversation's change stream.
 */
describe.each(dialects)('message actions (%s)', (dialect) => {
  let t: TestServer;
  let outsider: Actor;
  let admin: Actor;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    outsider = await signIn(t, { role: 'client' });
    admin = await signIn(t, { role: 'admin' });
  });
  afterAll(() => t.close());

  const db = () => t.server.database.db;
  const send = (actor: Actor, conversationId: string, body: Record<string, unknown>): Promise<Message> =>
    expectStatus(sendMessage(t, actor, conversationId, body), 201);
  const edit = (actor: Actor, id: string, text: unknown) => t.api(actor.token, 'PATCH', `/messages/${id}`, { text });
  const remove = (actor: Actor, id: string) => t.api(actor.token, 'DELETE', `/messages/${id}`);
  const react = (actor: Actor, id: string, emoji: string) => t.api(actor.token, 'POST', `/messages/${id}/reactions`, { emoji });
  const unreact = (actor: Actor, id: string, emoji: string) => t.api(actor.token, 'DELETE', `/messages/${id}/reactions/${encodeURIComponent(emoji)}`);
  const history = async (actor: Actor, conversationId: string): Promise<Message[]> =>
    (await expectStatus(t.api(actor.token, 'GET', `/conversations/${conversationId}/messages`), 200)).items;
  const inHistory = async (actor: Actor, message: Message) => (await history(actor, message.conversationId)).find((m) => m.id === message.id);
  /**
   * The changes of the given kinds after `since`, once there are `count`. On PostgreSQL a change can reach
   * /api/sync a moment after its commit, and a fresh cursor can still let one from just before it through.
   */
  async function changesSince(actor: Actor, since: string, kinds: SyncChange['kind'][], count: number): Promise<SyncChange[]> {
    const ofKinds = (changes: SyncChange[]) => changes.filter((c) => kinds.includes(c.kind));
    return ofKinds((await drainSyncUntil(t, actor, since, (changes) => ofKinds(changes).length >= count)).changes);
  }
  const cursor = async (actor: Actor): Promise<string> => (await expectStatus(t.api(actor.token, 'GET', '/sync'), 200)).cursor;
  const auditOf = (messageId: string) => db().selectFrom('audit_log').selectAll().where('message_id', '=', messageId).orderBy('created_at').execute();

  describe('edit', () => {
    it('lets the sender edit: new text and editedAt for everyone, the old text in the history, an audit entry and a change', async () => {
      const { client, provider, conversation } = await createProject(t);
      const original = await send(client, conversation.id, { text: 'Meet on Monday' });
      const since = await cursor(client);
      const watcher = await t.connect(provider.token);
      const announced = nextEvent(watcher, 'message:updated', ({ message }) => message.id === original.id);

      const edited = await expectStatus(edit(client, original.id, '  Meet on Tuesday  '), 200);
      expect(edited).toMatchObject({ id: original.id, seq: original.seq, text: 'Meet on Tuesday', createdAt: original.createdAt });
      expect(edited.editedAt).toEqual(expect.any(String));
      expect((await announced).message).toMatchObject({ id: original.id, text: 'Meet on Tuesday', editedAt: edited.editedAt });
      expect(await inHistory(provider, original)).toMatchObject({ text: 'Meet on Tuesday', editedAt: edited.editedAt });

      await expectStatus(edit(client, original.id, 'Meet on Wednesday'), 200);
      const edits = await expectStatus(t.api(provider.token, 'GET', `/messages/${original.id}/edits`), 200);
      expect(edits.items.map((e: { text: string }) => e.text)).toEqual(['Meet on Monday', 'Meet on Tuesday']);
      expect(edits.items[0]).toMatchObject({ createdAt: original.createdAt, replacedAt: edited.editedAt, editedBy: client.id });
      expect(await expectStatus(t.api(admin.token, 'GET', `/messages/${original.id}/edits`), 200)).toEqual(edits);

      const audit = await auditOf(original.id);
      expect(audit.map((row) => [row.action, row.actor_id])).toEqual([
        ['message.edited', client.id],
        ['message.edited', client.id],
      ]);
      const changes = await changesSince(client, since, ['message.edited'], 2);
      expect(changes.map((c) => c.kind)).toEqual(['message.edited', 'message.edited']);
      expect(changes[1]?.seq).toBe((changes[0]?.seq ?? 0) + 1);
    });

    it('refuses others, outsiders, system messages, empty text, an expired window and read-only conversations', async () => {
      const { client, provider, project, conversation } = await createProject(t);
      const mine = await send(client, conversation.id, { text: 'original' });
      await expectError(edit(provider, mine.id, 'hijacked'), 403, 'FORBIDDEN');
      await expectError(edit(outsider, mine.id, 'hijacked'), 404, 'NOT_FOUND');
      await expectError(edit(admin, mine.id, 'hijacked'), 404, 'NOT_FOUND');
      const [system] = await history(client, conversation.id);
      await expectError(edit(client, system?.id ?? '', 'rewritten'), 403, 'FORBIDDEN');
      await expectError(edit(client, mine.id, '   '), 400, 'VALIDATION_FAILED');
      await expectError(edit(client, mine.id, 'x'.repeat(5001)), 400, 'VALIDATION_FAILED');

      const old = await send(client, conversation.id, { text: 'sent long ago' });
      await db().updateTable('messages').set({ created_at: new Date(Date.now() - 16 * 60_000).toISOString() }).where('id', '=', old.id).execute();
      await expectError(edit(client, old.id, 'too late'), 409, 'EDIT_WINDOW_EXPIRED');

      await expectStatus(t.api(client.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);
      await expectError(edit(client, mine.id, 'after closing'), 409, 'CONVERSATION_READ_ONLY');
      expect((await inHistory(client, mine))?.text).toBe('original');
      expect(await auditOf(mine.id)).toEqual([]);
    });
  });

  describe('delete', () => {
    it('leaves a tombstone in place for everyone, tells participants, and records who deleted it', async () => {
      const { client, provider, conversation } = await createProject(t);
      const doomed = await send(provider, conversation.id, { text: 'my phone number is …' });
      const after = await send(client, conversation.id, { text: 'next one' });
      const watcher = await t.connect(client.token);
      const announced = nextEvent(watcher, 'message:deleted', (event) => event.messageId === doomed.id);
      const since = await cursor(client);

      await expectError(remove(client, doomed.id), 403, 'FORBIDDEN');
      const tombstone = await expectStatus(remove(provider, doomed.id), 200);
      expect(tombstone).toMatchObject({ id: doomed.id, seq: doomed.seq, text: '', reactions: [] });
      expect(tombstone.deletedAt).toEqual(expect.any(String));
      expect(await announced).toEqual({ conversationId: conversation.id, messageId: doomed.id, seq: doomed.seq, deletedAt: tombstone.deletedAt });
      const seqs = (await history(client, conversation.id)).map((m) => [m.seq, m.text]);
      expect(seqs).toContainEqual([doomed.seq, '']);
      expect(seqs).toContainEqual([after.seq, 'next one']);
      expect((await changesSince(client, since, ['message.deleted'], 1)).map((c) => c.kind === 'message.deleted' && c.message.text)).toEqual(['']);

      // Deleting again answers the same tombstone; a deleted message can be neither edited nor reacted to.
      expect(await expectStatus(remove(provider, doomed.id), 200)).toEqual(tombstone);
      await expectError(edit(provider, doomed.id, 'undo'), 409, 'MESSAGE_DELETED');
      await expectError(react(client, doomed.id, '👍'), 409, 'MESSAGE_DELETED');
      // Its edit history would show the deleted text: admins only.
      await expectError(t.api(client.token, 'GET', `/messages/${doomed.id}/edits`), 404, 'NOT_FOUND');
      expect((await auditOf(doomed.id)).map((row) => [row.action, row.actor_id, JSON.parse(row.details).asAdmin])).toEqual([
        ['message.deleted', provider.id, false],
      ]);
      const stored = await db().selectFrom('messages').select(['text', 'deleted_by']).where('id', '=', doomed.id).executeTakeFirstOrThrow();
      expect(stored).toEqual({ text: 'my phone number is …', deleted_by: provider.id }); // kept for admins' review
    });

    it('lets an admin delete in any conversation, and nobody else outside it', async () => {
      const { client, conversation } = await createProject(t);
      const abusive = await send(client, conversation.id, { text: 'abuse' });
      await expectError(remove(outsider, abusive.id), 404, 'NOT_FOUND');
      expect(await expectStatus(remove(admin, abusive.id), 200)).toMatchObject({ text: '', deletedAt: expect.any(String) });
      expect((await auditOf(abusive.id)).map((row) => [row.actor_id, JSON.parse(row.details).asAdmin])).toEqual([[admin.id, true]]);
      expect(await expectStatus(t.api(admin.token, 'GET', `/messages/${abusive.id}/edits`), 200)).toEqual({ items: [] });
    });
  });

  describe('reply and forward', () => {
    it('quotes the parent of a reply, and shows a deleted marker once the parent is deleted', async () => {
      const { client, provider, conversation } = await createProject(t);
      const parent = await send(provider, conversation.id, { text: 'Which colour do you prefer for the header? '.repeat(5) });
      const reply = await send(client, conversation.id, { text: 'Blue', replyToId: parent.id });
      expect(reply.replyTo).toEqual({ id: parent.id, senderId: provider.id, preview: expect.stringMatching(/^Which colour.*…$/u), deleted: false });
      expect([...(reply.replyTo?.preview ?? '')].length).toBe(100);
      await expectStatus(remove(provider, parent.id), 200);
      expect((await inHistory(client, reply))?.replyTo).toEqual({ id: parent.id, senderId: provider.id, preview: '', deleted: true });
    });

    it('forwards into another conversation of the caller, recording the origin, and refuses others', async () => {
      const first = await createProject(t, { title: 'First' });
      const second: ProjectFixture = await createProject(t, { title: 'Second' });
      const { client, provider, conversation } = first;
      const original = await send(provider, conversation.id, { text: 'Specs attached in the brief' });
      const own = await createProjectWith(client, provider);
      const clientId = uniqueId('fwd');
      const forwarded = await expectStatus(t.api(client.token, 'POST', `/messages/${original.id}/forward`, { conversationId: own, clientId }), 201);
      expect(forwarded).toMatchObject({
        conversationId: own,
        senderId: client.id,
        text: 'Specs attached in the brief',
        forwardedFrom: { messageId: original.id, conversationId: conversation.id, senderId: provider.id },
      });
      expect(await expectStatus(t.api(client.token, 'POST', `/messages/${original.id}/forward`, { conversationId: own, clientId }), 200)).toEqual(forwarded);
      await expectError(t.api(client.token, 'POST', `/messages/${original.id}/forward`, { conversationId: second.conversation.id }), 404, 'NOT_FOUND');
      await expectError(t.api(outsider.token, 'POST', `/messages/${original.id}/forward`, { conversationId: own }), 404, 'NOT_FOUND');
      await expectStatus(remove(provider, original.id), 200);
      await expectError(t.api(client.token, 'POST', `/messages/${original.id}/forward`, { conversationId: own }), 409, 'MESSAGE_DELETED');
    });
  });

  describe('reactions', () => {
    it('adds one per user and emoji, with counts, users and the viewer’s own, told to each participant', async () => {
      const { client, provider, conversation } = await createProject(t);
      const message = await send(provider, conversation.id, { text: 'Draft is ready' });
      const watcher = await t.connect(provider.token);
      const told = nextEvent(watcher, 'message:reaction', (event) => event.messageId === message.id);

      const first = await expectStatus(react(client, message.id, '👍'), 201);
      expect(first.reactions).toEqual([{ emoji: '👍', count: 1, userIds: [client.id], me: true }]);
      expect(await told).toMatchObject({ userId: client.id, emoji: '👍', added: true, message: { reactions: [{ emoji: '👍', count: 1, me: false }] } });
      expect(await expectStatus(react(client, message.id, '👍'), 200)).toEqual(first); // again: nothing changes

      await expectStatus(react(provider, message.id, '👍'), 201);
      await expectStatus(react(provider, message.id, '❤️'), 201);
      expect((await inHistory(client, message))?.reactions).toEqual([
        { emoji: '👍', count: 2, userIds: [client.id, provider.id], me: true },
        { emoji: '❤️', count: 1, userIds: [provider.id], me: false },
      ]);
      const removed = await expectStatus(unreact(client, message.id, '👍'), 200);
      expect(removed.reactions).toEqual([
        { emoji: '👍', count: 1, userIds: [provider.id], me: false },
        { emoji: '❤️', count: 1, userIds: [provider.id], me: false },
      ]);
      expect(await expectStatus(unreact(client, message.id, '👍'), 200)).toEqual(removed);
    });

    it('refuses non-emoji and outsiders, and puts reactions in the change stream', async () => {
      const { client, conversation } = await createProject(t);
      const message = await send(client, conversation.id, { text: 'hello' });
      await expectError(react(client, message.id, 'lol'), 400, 'VALIDATION_FAILED');
      await expectError(react(client, message.id, '<b>👍</b>'), 400, 'VALIDATION_FAILED');
      await expectError(react(outsider, message.id, '👍'), 404, 'NOT_FOUND');
      await expectError(unreact(outsider, message.id, '👍'), 404, 'NOT_FOUND');
      const since = await cursor(client);
      await expectStatus(react(client, message.id, '🎉'), 201);
      await expectStatus(unreact(client, message.id, '🎉'), 200);
      const changes = await changesSince(client, since, ['reaction.added', 'reaction.removed'], 2);
      expect(changes.map((c) => (c.kind === 'reaction.added' || c.kind === 'reaction.removed' ? `${c.kind} ${c.emoji}` : c.kind))).toEqual([
        'reaction.added 🎉',
        'reaction.removed 🎉',
      ]);
    });
  });

  describe('location and contact messages', () => {
    it('stores and shows the structured part, validates it, forwards it, and keeps it out of other types', async () => {
      const { client, provider, conversation } = await createProject(t);
      const place = { latitude: 48.8584, longitude: 2.2945, label: 'Eiffel Tower' };
      const located = await send(client, conversation.id, { type: 'location', text: 'Meet here', location: place });
      expect(located).toMatchObject({ type: 'location', text: 'Meet here', location: place, contact: null });
      const card = { name: 'Studio Nord', phone: '+49 30 1234567', email: 'hello@studio-nord.example' };
      const contact = await send(provider, conversation.id, { type: 'contact', text: 'Our printer', contact: card });
      expect(contact).toMatchObject({ type: 'contact', contact: card, location: null });
      expect((await inHistory(provider, located))?.location).toEqual(place);

      const refused = (body: Record<string, unknown>) => expectError(sendMessage(t, client, conversation.id, body), 400, 'VALIDATION_FAILED');
      await refused({ type: 'location', text: 'where?' });
      await refused({ type: 'location', text: 'off the map', location: { latitude: 91, longitude: 0 } });
      await refused({ type: 'location', text: 'nowhere', location: { latitude: 10, longitude: 181 } });
      await refused({ type: 'contact', text: 'who?', contact: { name: '' } });
      await refused({ type: 'contact', text: 'bad mail', contact: { name: 'X', email: 'not-an-email' } });
      await refused({ type: 'contact', text: 'bad phone', contact: { name: 'X', phone: 'call me' } });
      await refused({ type: 'text', text: 'sneaky', location: place });
      await refused({ type: 'image', text: 'no attachments yet' });

      const clientId = uniqueId('loc');
      await send(client, conversation.id, { type: 'location', text: 'Here', location: place, clientId });
      await expectError(sendMessage(t, client, conversation.id, { type: 'location', text: 'Here', location: { ...place, latitude: 0 }, clientId }), 409, 'IDEMPOTENCY_CONFLICT');
      const own = await createProjectWith(client, provider);
      const forwarded = await expectStatus(t.api(client.token, 'POST', `/messages/${contact.id}/forward`, { conversationId: own }), 201);
      expect(forwarded).toMatchObject({ type: 'contact', contact: card, forwardedFrom: { messageId: contact.id } });
    });
  });

  describe('pins', () => {
    it('pins and unpins for the whole conversation, newest pin first, tells participants, and hides deleted messages', async () => {
      const { client, provider, project, conversation } = await createProject(t);
      const first = await send(provider, conversation.id, { text: 'Budget: 2,500 EUR' });
      const second = await send(client, conversation.id, { text: 'Deadline: 1 December' });
      const watcher = await t.connect(provider.token);
      const told = nextEvent(watcher, 'conversation:updated', ({ conversation: c }) => c.id === conversation.id);
      const pin = (actor: Actor, id: string) => t.api(actor.token, 'PUT', `/messages/${id}/pin`);
      const pinned = (actor: Actor) => expectStatus(t.api(actor.token, 'GET', `/conversations/${conversation.id}/pins`), 200);

      expect((await expectStatus(pin(client, first.id), 200)).items).toEqual([{ message: expect.objectContaining({ id: first.id }), pinnedBy: client.id, pinnedAt: expect.any(String) }]);
      await told;
      await expectStatus(pin(provider, second.id), 200);
      await expectStatus(pin(provider, second.id), 200); // again: nothing changes
      expect((await pinned(client)).items.map((p: { message: Message }) => p.message.id)).toEqual([second.id, first.id]);
      await expectError(pin(outsider, first.id), 404, 'NOT_FOUND');
      await expectError(t.api(outsider.token, 'GET', `/conversations/${conversation.id}/pins`), 404, 'NOT_FOUND');

      await expectStatus(t.api(provider.token, 'DELETE', `/messages/${second.id}/pin`), 200);
      await expectStatus(remove(provider, first.id), 200);
      expect((await pinned(client)).items).toEqual([]);
      await expectError(pin(client, first.id), 409, 'MESSAGE_DELETED');
      await expectStatus(t.api(client.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);
      await expectError(pin(client, second.id), 409, 'CONVERSATION_READ_ONLY');
    });
  });

  /** A second project between the same client and provider (approved already); returns its conversation id. */
  async function createProjectWith(client: Actor, provider: Actor): Promise<string> {
    const request = await expectStatus(t.api(client.token, 'POST', '/requests', { title: 'Follow-up', description: 'More work' }), 201);
    const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
    const accepted = await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
    return accepted.conversation.id;
  }
});
