import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectRefusalChangesNothing } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { emitWithAck } from './support/events.js';
import { createProject, expectStatus, proposalBody, signIn, type Actor, type ProjectFixture } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

// Contract § Marketplace flow: projects (participants only, locked terms, closing makes conversations read-only).
describe.each(dialects)('projects (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  describe('reading', () => {
    it('lists and shows a project to its client and its provider', async () => {
      const { client, provider, project } = await createProject(t, { title: 'Mobile app' });
      for (const actor of [client, provider]) {
        const page = await expectStatus(t.api(actor.token, 'GET', '/projects'), 200);
        expect(ids(page)).toEqual([project.id]);
        expect(page.nextCursor).toBeNull();
        expect(await expectStatus(t.api(actor.token, 'GET', `/projects/${project.id}`), 200)).toMatchObject({ id: project.id, title: 'Mobile app' });
      }
    });

    it('pages GET /api/projects with a cursor: every project once, nextCursor null at the end', async () => {
      const client = await signIn(t, { role: 'client' });
      const provider = await signIn(t, { role: 'provider' });
      const admin = await signIn(t, { role: 'admin' });
      await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
      const created: string[] = [];
      for (const title of ['One', 'Two', 'Three']) {
        const request = await expectStatus(t.api(client.token, 'POST', '/requests', { title, description: title }), 201);
        const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
        created.push((await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201)).project.id);
      }
      const first = await expectStatus(t.api(client.token, 'GET', '/projects?limit=2'), 200);
      expect(first.items).toHaveLength(2);
      expect(typeof first.nextCursor).toBe('string');
      const second = await expectStatus(t.api(client.token, 'GET', `/projects?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`), 200);
      expect(second.nextCursor).toBeNull();
      expect([...ids(first), ...ids(second)].sort()).toEqual(created.sort());
    });

    it('answers 404 NOT_FOUND to non-participants on every project route and lists nothing for them', async () => {
      const { client, project } = await createProject(t);
      const outsiders: Actor[] = [
        await signIn(t, { role: 'client' }),
        await signIn(t, { role: 'provider' }),
        await signIn(t, { role: 'agency', id: 'agency-outsider', agencyId: 'agency-outsider' }),
        await signIn(t, { role: 'worker', agencyId: 'agency-outsider' }),
        await signIn(t, { role: 'admin' }),
      ];
      for (const outsider of outsiders) {
        expect(ids(await expectStatus(t.api(outsider.token, 'GET', '/projects'), 200))).not.toContain(project.id);
        await expectError(t.api(outsider.token, 'GET', `/projects/${project.id}`), 404, 'NOT_FOUND');
        await expectRefusalChangesNothing(t, () => t.api(outsider.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 404, 'NOT_FOUND');
        await expectRefusalChangesNothing(t, () => t.api(outsider.token, 'PATCH', `/projects/${project.id}`, { price: 1 }), 404, 'NOT_FOUND');
        await expectRefusalChangesNothing(t, () => t.api(outsider.token, 'POST', `/projects/${project.id}/workers`, { userId: outsider.id }), 404, 'NOT_FOUND');
      }
      expect(await expectStatus(t.api(client.token, 'GET', `/projects/${project.id}`), 200)).toMatchObject({ status: 'active' });
    });

    it('answers 404 NOT_FOUND for an unknown project', async () => {
      const { client } = await createProject(t);
      await expectError(t.api(client.token, 'GET', '/projects/no-such-project'), 404, 'NOT_FOUND');
      await expectError(t.api(client.token, 'PATCH', '/projects/no-such-project', { status: 'completed' }), 404, 'NOT_FOUND');
    });
  });

  describe('locked terms', () => {
    let fixture: ProjectFixture;
    beforeAll(async () => {
      fixture = await createProject(t);
    });

    it.each([
      ['terms', { terms: { price: 1, currency: 'EUR', scope: 'x', deadline: '2099-01-01T00:00:00.000Z' } }],
      ['terms (null)', { terms: null }],
      ['price', { price: 1 }],
      ['currency', { currency: 'USD' }],
      ['scope', { scope: 'Something else' }],
      ['deadline', { deadline: '2099-01-01T00:00:00.000Z' }],
      ['price alongside a status change', { status: 'completed', price: 999_999 }],
    ])('answers 409 TERMS_LOCKED to a PATCH naming %s, changing nothing', async (_case, body) => {
      for (const actor of [fixture.client, fixture.provider]) {
        await expectRefusalChangesNothing(t, () => t.api(actor.token, 'PATCH', `/projects/${fixture.project.id}`, body), 409, 'TERMS_LOCKED');
      }
      expect(await expectStatus(t.api(fixture.client.token, 'GET', `/projects/${fixture.project.id}`), 200)).toEqual(fixture.project);
    });

    it.each([
      ['an unknown status', { status: 'archived' }],
      ['status active', { status: 'active' }],
    ])('answers 400 VALIDATION_FAILED to %s', async (_case, body) => {
      await expectRefusalChangesNothing(t, () => t.api(fixture.client.token, 'PATCH', `/projects/${fixture.project.id}`, body), 400, 'VALIDATION_FAILED');
    });
  });

  describe('closing', () => {
    it.each([
      ['client', 'completed'],
      ['provider', 'completed'],
      ['client', 'cancelled'],
      ['provider', 'cancelled'],
    ] as const)('lets the %s mark it %s, making the conversation read-only while history stays readable', async (who, status) => {
      const fixture = await createProject(t);
      const { project, conversation } = fixture;
      const closer = fixture[who];
      const sent = await expectStatus(t.api(fixture.client.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'Before closing' }), 201);

      const closed = await expectStatus(t.api(closer.token, 'PATCH', `/projects/${project.id}`, { status }), 200);
      expect(closed).toMatchObject({ id: project.id, status, terms: project.terms, termsLockedAt: project.termsLockedAt });
      for (const actor of [fixture.client, fixture.provider]) {
        expect(await expectStatus(t.api(actor.token, 'GET', `/projects/${project.id}`), 200)).toMatchObject({ status });
        expect(await expectStatus(t.api(actor.token, 'GET', `/conversations/${conversation.id}`), 200)).toMatchObject({ status: 'read_only' });
        await expectRefusalChangesNothing(
          t,
          () => t.api(actor.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'After closing' }),
          409,
          'CONVERSATION_READ_ONLY',
        );
        const history = await expectStatus(t.api(actor.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
        expect(history.items.map((m: { id: string }) => m.id)).toContain(sent.id);
        expect(history.items.some((m: { text: string }) => m.text === 'After closing')).toBe(false);
      }
    });

    it('refuses sending over the socket too once closed', async () => {
      const { client, provider, project, conversation } = await createProject(t);
      await expectStatus(t.api(client.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);
      const socket = await t.connect(provider.token);
      const ack = await emitWithAck<{ ok: boolean; error?: { code: string } }>(socket, 'message:send', { conversationId: conversation.id, text: 'late' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'CONVERSATION_READ_ONLY' } });
    });

    it('answers 409 PROJECT_NOT_ACTIVE to closing twice, changing nothing', async () => {
      const { client, provider, project } = await createProject(t);
      await expectStatus(t.api(client.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);
      await expectRefusalChangesNothing(t, () => t.api(client.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 409, 'PROJECT_NOT_ACTIVE');
      await expectRefusalChangesNothing(t, () => t.api(provider.token, 'PATCH', `/projects/${project.id}`, { status: 'cancelled' }), 409, 'PROJECT_NOT_ACTIVE');
      expect(await expectStatus(t.api(provider.token, 'GET', `/projects/${project.id}`), 200)).toMatchObject({ status: 'completed' });
    });
  });
});
