import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '@parley/protocol';
import { expectError } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { emitWithAck, nextEvent } from './support/events.js';
import { createProject, expectStatus, sendMessage, signIn, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';
import { drainSyncUntil } from './support/sync.js';

/** Issue 5 § Conversations, "Groups inside a project": members from the project, managed by the creator. */
describe.each(dialects)('group conversations (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  /** An agency project with two assigned workers. */
  async function agencyTeam() {
    const fixture = await createProject(t, { agency: true });
    const agency = fixture.provider;
    const workers: Actor[] = [];
    for (let i = 0; i < 2; i += 1) {
      const worker = await signIn(t, { role: 'worker', agencyId: agency.id });
      await expectStatus(t.api(agency.token, 'POST', `/projects/${fixture.project.id}/workers`, { userId: worker.id }), 200);
      workers.push(worker);
    }
    return { ...fixture, agency, workers };
  }
  const createGroup = (actor: Actor, body: Record<string, unknown>) => t.api(actor.token, 'POST', '/conversations', body);
  const ids = (conversation: Conversation) => conversation.participants.map((p) => p.userId).sort();

  it('creates a group of project members without the client, who can neither see nor hear it', async () => {
    const { client, agency, workers, project } = await agencyTeam();
    const [w1, w2] = workers as [Actor, Actor];
    const clientSocket = await t.connect(client.token);
    const heard: string[] = [];
    clientSocket.on('message:new', ({ message }) => heard.push(message.conversationId));

    const group: Conversation = await expectStatus(createGroup(agency, { projectId: project.id, title: 'Internal', participantIds: [w1.id, w2.id, agency.id] }), 201);
    expect(group).toMatchObject({ kind: 'group', title: 'Internal', projectId: project.id, status: 'active', createdBy: agency.id });
    expect(ids(group)).toEqual([agency.id, w1.id, w2.id].sort());
    const history = (await expectStatus(t.api(w1.token, 'GET', `/conversations/${group.id}/messages`), 200)).items as Message[];
    expect(history.map((m) => [m.type, m.text])).toEqual([['system', expect.stringContaining('created the group “Internal”')]]);
    const sent = await expectStatus(sendMessage(t, w2, group.id, { text: 'team only' }), 201);

    await expectError(t.api(client.token, 'GET', `/conversations/${group.id}`), 404, 'NOT_FOUND');
    const listed = (await expectStatus(t.api(client.token, 'GET', '/conversations'), 200)).items as Conversation[];
    expect(listed.map((c) => c.id)).not.toContain(group.id);
    expect(await emitWithAck(clientSocket, 'conversation:join', { conversationId: group.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(heard).not.toContain(sent.conversationId);

    // A worker assigned later joins the project's conversation only, not the groups.
    const late = await signIn(t, { role: 'worker', agencyId: agency.id });
    await expectStatus(t.api(agency.token, 'POST', `/projects/${project.id}/workers`, { userId: late.id }), 200);
    await expectError(t.api(late.token, 'GET', `/conversations/${group.id}`), 404, 'NOT_FOUND');
  });

  it('refuses strangers, empty groups, non-members and closed projects', async () => {
    const { client, agency, workers, project } = await agencyTeam();
    const stranger = await signIn(t, { role: 'worker', agencyId: agency.id }); // same agency, not on the project
    await expectError(createGroup(agency, { projectId: project.id, title: 'X', participantIds: [stranger.id] }), 400, 'VALIDATION_FAILED');
    await expectError(createGroup(agency, { projectId: project.id, title: 'X', participantIds: [agency.id] }), 400, 'VALIDATION_FAILED');
    await expectError(createGroup(agency, { projectId: project.id, title: '  ', participantIds: [client.id] }), 400, 'VALIDATION_FAILED');
    await expectError(createGroup(stranger, { projectId: project.id, title: 'X', participantIds: [client.id] }), 404, 'NOT_FOUND');
    await expectStatus(t.api(client.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);
    await expectError(createGroup(agency, { projectId: project.id, title: 'X', participantIds: [workers[0]?.id] }), 409, 'PROJECT_NOT_ACTIVE');
  });

  it('lets the creator add and remove members; a removed member loses access at once; anyone may leave', async () => {
    const { agency, workers, project, conversation } = await agencyTeam();
    const [w1, w2] = workers as [Actor, Actor];
    const group: Conversation = await expectStatus(createGroup(agency, { projectId: project.id, title: 'Delivery', participantIds: [w1.id] }), 201);
    const cursor = (await expectStatus(t.api(agency.token, 'GET', '/sync'), 200)).cursor;

    await expectError(t.api(w1.token, 'POST', `/conversations/${group.id}/participants`, { userId: w2.id }), 403, 'FORBIDDEN');
    expect(ids(await expectStatus(t.api(agency.token, 'POST', `/conversations/${group.id}/participants`, { userId: w2.id }), 200))).toEqual(
      [agency.id, w1.id, w2.id].sort(),
    );
    await expectError(t.api(agency.token, 'POST', `/conversations/${group.id}/participants`, { userId: w2.id }), 409, 'ALREADY_PARTICIPANT');
    await expectError(t.api(agency.token, 'POST', `/conversations/${conversation.id}/participants`, { userId: w2.id }), 403, 'FORBIDDEN');
    await expectError(t.api(w1.token, 'DELETE', `/conversations/${group.id}/participants/${w2.id}`), 403, 'FORBIDDEN');

    const w2Socket = await t.connect(w2.token);
    expect(await emitWithAck(w2Socket, 'conversation:join', { conversationId: group.id })).toMatchObject({ ok: true });
    const removed = nextEvent(w2Socket, 'conversation:removed', (event) => event.conversationId === group.id);
    const received: string[] = [];
    w2Socket.on('message:new', ({ message }) => received.push(message.id));
    expect((await t.api(agency.token, 'DELETE', `/conversations/${group.id}/participants/${w2.id}`)).status).toBe(204);
    await removed;
    await expectError(t.api(w2.token, 'GET', `/conversations/${group.id}/messages`), 404, 'NOT_FOUND');
    await expectError(sendMessage(t, w2, group.id, { text: 'still here?' }), 404, 'NOT_FOUND');
    const after = await expectStatus(sendMessage(t, w1, group.id, { text: 'after the removal' }), 201);
    expect(await emitWithAck(w2Socket, 'conversation:leave', { conversationId: group.id })).toMatchObject({ ok: true }); // one round trip
    expect(received).not.toContain(after.id);

    const removals = async (actor: Actor) =>
      (await drainSyncUntil(t, actor, cursor, (found) => found.some((c) => c.kind === 'participant.removed'))).changes.filter(
        (c) => c.kind === 'participant.removed',
      );
    expect((await removals(agency)).map((c) => c.kind === 'participant.removed' && c.userId)).toEqual([w2.id]);
    // The removed member learns of it too (their own removal only; nothing else of the group any more).
    expect((await removals(w2)).map((c) => [c.conversationId, c.kind === 'participant.removed' && c.userId])).toEqual([[group.id, w2.id]]);
    await sendMessage(t, w1, group.id, { text: 'unseen by w2' });
    const afterRemoval = await drainSyncUntil(t, w2, cursor, () => true);
    expect(afterRemoval.changes.filter((c) => c.conversationId === group.id).map((c) => c.kind)).toEqual(['participant.removed']);

    await expectError(t.api(agency.token, 'DELETE', `/conversations/${group.id}/participants/${agency.id}`), 403, 'FORBIDDEN');
    expect((await t.api(w1.token, 'DELETE', `/conversations/${group.id}/participants/${w1.id}`)).status).toBe(204);
    const texts = ((await expectStatus(t.api(agency.token, 'GET', `/conversations/${group.id}/messages`), 200)).items as Message[]).map((m) => m.text);
    expect(texts.filter((text) => /added|removed|left/.test(text))).toEqual([
      expect.stringMatching(/added .+\.$/u),
      expect.stringMatching(/removed .+\.$/u),
      expect.stringMatching(/ left\.$/u),
    ]);
  });
});
