import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Conversation, Message } from '@parley/protocol';
import { dialects } from './support/databases.js';
import { emitWithAck, nextEvent } from './support/events.js';
import { createProject, expectStatus, proposalBody, signIn, uniqueId } from './support/factories.js';
import { ackData, ackError, type EventPayload } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

// Contract § Realtime: `conversation:updated` to participants when status, title or participants change;
// § Marketplace flow: completing a project makes its conversations read-only, an agency's worker joins the conversation.

describe.each(dialects)('realtime conversation:updated (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const updateOf = (conversationId: string, match: (conversation: Conversation) => boolean) => (event: EventPayload<'conversation:updated'>) =>
    event.conversation.id === conversationId && match(event.conversation);

  it('introduces a newly accepted project’s conversation to both parties before its first message', async () => {
    const [client, provider, admin] = await Promise.all([signIn(t, { role: 'client' }), signIn(t, { role: 'provider' }), signIn(t, { role: 'admin' })]);
    const sockets = await Promise.all([t.connect(client.token), t.connect(provider.token)]);
    const arrivals = sockets.map((socket) => {
      const seen: string[] = [];
      socket.on('conversation:updated', ({ conversation }) => seen.push(`conversation:updated ${conversation.id}`));
      socket.on('message:new', ({ message }) => seen.push(`message:new ${message.conversationId}`));
      return seen;
    });
    const announced = sockets.map((socket) => nextEvent(socket, 'message:new', ({ message }) => message.type === 'system'));

    const request = await expectStatus(t.api(client.token, 'POST', '/requests', { title: 'Logo', description: 'A logo' }), 201);
    const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
    await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
    const { conversation } = await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
    await Promise.all(announced);
    for (const seen of arrivals) expect(seen).toEqual([`conversation:updated ${conversation.id}`, `message:new ${conversation.id}`]);
  });

  it('tells every participant socket that a completed project’s conversation is read_only', async () => {
    const { client, provider, project, conversation } = await createProject(t);
    const sockets = await Promise.all([t.connect(client.token), t.connect(client.token), t.connect(provider.token)]);
    const updates = sockets.map((socket) => nextEvent(socket, 'conversation:updated', updateOf(conversation.id, (c) => c.status === 'read_only')));

    await expectStatus(t.api(provider.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);
    for (const { conversation: updated } of await Promise.all(updates)) {
      expect(updated).toMatchObject({ id: conversation.id, projectId: project.id, status: 'read_only' });
      expect(updated.participants.map((p) => p.userId).sort()).toEqual([client.id, provider.id].sort());
    }
  });

  it('tells existing participants and the assigned worker, who then receives messages and may send', async () => {
    const { client, provider: agency, project, conversation } = await createProject(t, { agency: true });
    const worker = await signIn(t, { role: 'worker', id: uniqueId('worker'), agencyId: agency.id });
    const [clientSocket, agencySocket, workerSocket] = await Promise.all([t.connect(client.token), t.connect(agency.token), t.connect(worker.token)]);
    const before = await ackError(emitWithAck(workerSocket, 'conversation:join', { conversationId: conversation.id }));
    expect(before.code).toBe('NOT_FOUND');

    // A newcomer must learn about the conversation before its messages (the system message announcing them included).
    const arrivals: string[] = [];
    workerSocket.on('conversation:updated', (event) => event.conversation.id === conversation.id && arrivals.push('conversation:updated'));
    workerSocket.on('message:new', ({ message }) => message.conversationId === conversation.id && arrivals.push(`message:new ${message.type}`));

    const listsWorker = updateOf(conversation.id, (c) => c.participants.some((p) => p.userId === worker.id));
    const updates = [clientSocket, agencySocket, workerSocket].map((socket) => nextEvent(socket, 'conversation:updated', listsWorker));
    await expectStatus(t.api(agency.token, 'POST', `/projects/${project.id}/workers`, { userId: worker.id }), 200);
    for (const { conversation: updated } of await Promise.all(updates)) {
      expect(updated.participants.map((p) => p.userId).sort()).toEqual([client.id, agency.id, worker.id].sort());
      expect(updated.participants.find((p) => p.userId === worker.id)).toMatchObject({ role: 'worker' });
    }

    const delivered = nextEvent(workerSocket, 'message:new', ({ message }) => message.text === 'welcome aboard');
    const sent = await expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'welcome aboard' }), 201);
    expect((await delivered).message.id).toBe(sent.id);
    expect(arrivals).toEqual(['conversation:updated', 'message:new system', 'message:new text']);

    const reply = nextEvent(clientSocket, 'message:new', ({ message }) => message.senderId === worker.id);
    const stored = await ackData(emitWithAck<Ack<Message>>(workerSocket, 'message:send', { conversationId: conversation.id, text: 'on it', clientId: uniqueId('cid') }));
    expect((await reply).message).toEqual(stored);
  });
});
