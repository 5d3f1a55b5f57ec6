import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectRefusalChangesNothing } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, signIn, uniqueId, type Actor, type ProjectFixture } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

// Contract § Marketplace flow, "Agency jobs": the agency is the provider side and assigns its own workers.
describe.each(dialects)('agency jobs (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  /** An agency project plus a worker of that agency, signed in but not yet assigned. */
  async function agencyJob(): Promise<ProjectFixture & { agency: Actor; worker: Actor }> {
    const fixture = await createProject(t, { agency: true, title: 'Agency job' });
    const worker = await signIn(t, { role: 'worker', name: `Walter ${uniqueId('w')}`, agencyId: fixture.provider.id });
    return { ...fixture, agency: fixture.provider, worker };
  }
  const assign = (actor: Actor, projectId: string, userId: string) => t.api(actor.token, 'POST', `/projects/${projectId}/workers`, { userId });
  /** A successful assignment; the contract names no status for it, so any 2xx of 200/201 passes. */
  const assigned = async (actor: Actor, projectId: string, userId: string) => {
    const response = await assign(actor, projectId, userId);
    expect([200, 201], JSON.stringify(response.body)).toContain(response.status);
    return response.body;
  };
  const history = async (actor: Actor, conversationId: string) =>
    (await expectStatus(t.api(actor.token, 'GET', `/conversations/${conversationId}/messages`), 200)).items;

  it('makes the agency the provider side of the project it wins', async () => {
    const { client, agency, project, conversation } = await agencyJob();
    expect(project).toMatchObject({ clientId: client.id, providerId: agency.id, agencyId: agency.id });
    expect(conversation.participants.map((p: { userId: string }) => p.userId).sort()).toEqual([client.id, agency.id].sort());
  });

  it('lets the agency assign its worker, who joins the conversation, is announced, and can read and send', async () => {
    const { client, agency, worker, project, conversation } = await agencyJob();
    await expectError(t.api(worker.token, 'GET', `/conversations/${conversation.id}/messages`), 404, 'NOT_FOUND');
    await expectError(t.api(worker.token, 'GET', `/projects/${project.id}`), 404, 'NOT_FOUND');
    const lastSeq = (await history(client, conversation.id)).at(-1).seq;

    expect(await assigned(agency, project.id, worker.id)).toMatchObject({ id: project.id, agencyId: agency.id, terms: project.terms });

    const seen = await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}`), 200);
    expect(seen.participants.map((p: { userId: string }) => p.userId).sort()).toEqual([client.id, agency.id, worker.id].sort());
    const announcements = (await history(client, conversation.id)).filter((m: { seq: number }) => m.seq > lastSeq);
    expect(announcements).toEqual([expect.objectContaining({ seq: lastSeq + 1, type: 'system' })]);
    expect(announcements[0].text).toContain(worker.name);

    expect((await history(worker, conversation.id)).map((m: { seq: number }) => m.seq)).toContain(lastSeq + 1);
    const sent = await expectStatus(t.api(worker.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'Hi, I am on it' }), 201);
    expect(sent).toMatchObject({ senderId: worker.id, seq: lastSeq + 2, type: 'text' });
    expect((await history(client, conversation.id)).map((m: { id: string }) => m.id)).toContain(sent.id);
    expect(await expectStatus(t.api(worker.token, 'GET', `/projects/${project.id}`), 200)).toMatchObject({ id: project.id });
    const mine = await expectStatus(t.api(worker.token, 'GET', '/projects'), 200);
    expect(mine.items.map((p: { id: string }) => p.id)).toEqual([project.id]);
  });

  it('refuses the client with 403 FORBIDDEN, changing nothing', async () => {
    const { client, worker, project } = await agencyJob();
    await expectRefusalChangesNothing(t, () => assign(client, project.id, worker.id), 403, 'FORBIDDEN');
  });

  it('refuses the provider of a non-agency project with 403 FORBIDDEN', async () => {
    const { provider, project } = await createProject(t);
    const worker = await signIn(t, { role: 'worker', agencyId: provider.id });
    await expectRefusalChangesNothing(t, () => assign(provider, project.id, worker.id), 403, 'FORBIDDEN');
  });

  it('refuses an assigned worker assigning a colleague with 403 FORBIDDEN', async () => {
    const { agency, worker, project } = await agencyJob();
    const colleague = await signIn(t, { role: 'worker', agencyId: agency.id });
    await assigned(agency, project.id, worker.id);
    await expectRefusalChangesNothing(t, () => assign(worker, project.id, colleague.id), 403, 'FORBIDDEN');
  });

  it('refuses a worker of another agency with 403 FORBIDDEN', async () => {
    const { agency, project } = await agencyJob();
    const stranger = await signIn(t, { role: 'worker', agencyId: 'another-agency' });
    await expectRefusalChangesNothing(t, () => assign(agency, project.id, stranger.id), 403, 'FORBIDDEN');
  });

  it('refuses a user of the agency who is not a worker with 403 FORBIDDEN', async () => {
    const { agency, client, project } = await agencyJob();
    const outsider = await signIn(t, { role: 'client' });
    await expectRefusalChangesNothing(t, () => assign(agency, project.id, outsider.id), 403, 'FORBIDDEN');
    await expectRefusalChangesNothing(t, () => assign(agency, project.id, client.id), 403, 'FORBIDDEN');
  });

  it('answers 404 NOT_FOUND for an unknown user', async () => {
    const { agency, project } = await agencyJob();
    await expectRefusalChangesNothing(t, () => assign(agency, project.id, 'nobody-at-all'), 404, 'NOT_FOUND');
  });

  it('answers 409 ALREADY_PARTICIPANT to assigning the same worker twice', async () => {
    const { agency, worker, project, conversation } = await agencyJob();
    await assigned(agency, project.id, worker.id);
    await expectRefusalChangesNothing(t, () => assign(agency, project.id, worker.id), 409, 'ALREADY_PARTICIPANT');
    const seen = await expectStatus(t.api(agency.token, 'GET', `/conversations/${conversation.id}`), 200);
    expect(seen.participants.filter((p: { userId: string }) => p.userId === worker.id)).toHaveLength(1);
  });

  it('answers concurrent assignments of one worker with one success and 409 ALREADY_PARTICIPANT for the rest', async () => {
    const { agency, worker, project, conversation } = await agencyJob();
    const responses = await Promise.all(Array.from({ length: 5 }, () => assign(agency, project.id, worker.id)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    for (const refused of responses.filter((response) => response.status === 409)) expect(refused.body.error.code).toBe('ALREADY_PARTICIPANT');
    const seen = await expectStatus(t.api(agency.token, 'GET', `/conversations/${conversation.id}`), 200);
    expect(seen.participants.filter((p: { userId: string }) => p.userId === worker.id)).toHaveLength(1);
  });

  it('refuses an assigned worker closing the project with 403 FORBIDDEN (client or provider only)', async () => {
    const { agency, worker, project } = await agencyJob();
    await assigned(agency, project.id, worker.id);
    await expectRefusalChangesNothing(t, () => t.api(worker.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 403, 'FORBIDDEN');
  });
});
