import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISO_UTC, expectError, snapshotDatabase } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { expectStatus, proposalBody, signIn, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

// Contract § Marketplace flow: requests, proposals, provider approval and acceptance.
describe.each(dialects)('marketplace flow (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const openRequest = (client: Actor, body: Record<string, unknown> = { title: 'Logo design', description: 'A logo for a bakery' }) =>
    expectStatus(t.api(client.token, 'POST', '/requests', body), 201);

  describe('POST /api/requests', () => {
    it('lets a client open a request with the contract shape', async () => {
      const client = await signIn(t, { role: 'client' });
      const before = Date.now();
      const request = await openRequest(client, { title: 'Logo design', description: 'A logo for a bakery', budget: 50_000 });
      expect(request).toMatchObject({ clientId: client.id, title: 'Logo design', description: 'A logo for a bakery', status: 'open' });
      expect(typeof request.id).toBe('string');
      expect(request.createdAt).toMatch(ISO_UTC);
      expect(Date.parse(request.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      const mine = await expectStatus(t.api(client.token, 'GET', '/requests'), 200);
      expect(mine.items.map((r: { id: string }) => r.id)).toContain(request.id);
    });

    it.each(['provider', 'agency', 'worker', 'admin'] as const)('refuses a %s with 403 FORBIDDEN and stores nothing', async (role) => {
      const actor = await signIn(t, { role, ...(role === 'agency' || role === 'worker' ? { agencyId: 'some-agency' } : {}) });
      const before = await snapshotDatabase(t);
      await expectError(t.api(actor.token, 'POST', '/requests', { title: 'Logo', description: 'A logo' }), 403, 'FORBIDDEN');
      expect(await snapshotDatabase(t)).toEqual(before);
    });

    it.each([
      ['an empty title', { title: '', description: 'x' }, 'title'],
      ['a whitespace-only title', { title: '   ', description: 'x' }, 'title'],
      ['a missing description', { title: 'Logo' }, 'description'],
      ['a negative budget', { title: 'Logo', description: 'x', budget: -100 }, 'budget'],
      ['a zero budget', { title: 'Logo', description: 'x', budget: 0 }, 'budget'],
      ['a fractional budget', { title: 'Logo', description: 'x', budget: 12.5 }, 'budget'],
      ['a string budget', { title: 'Logo', description: 'x', budget: '100' }, 'budget'],
    ])('answers 400 VALIDATION_FAILED naming the field for %s', async (_case, body, field) => {
      const client = await signIn(t, { role: 'client' });
      const error = await expectError(t.api(client.token, 'POST', '/requests', body), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(error.details)).toContain(field);
      const mine = await expectStatus(t.api(client.token, 'GET', '/requests'), 200);
      expect(mine.items).toEqual([]);
    });
    it('answers 400 VALIDATION_FAILED to a body that is not JSON, and 413 PAYLOAD_TOO_LARGE to a huge one', async () => {
      const client = await signIn(t, { role: 'client' });
      await expectError(t.api(client.token, 'POST', '/requests', '{"title": "Logo",'), 400, 'VALIDATION_FAILED');
      const huge = { title: 'Logo', description: 'x'.repeat(2 * 1024 * 1024) };
      await expectError(t.api(client.token, 'POST', '/requests', huge), 413, 'PAYLOAD_TOO_LARGE');
      expect((await expectStatus(t.api(client.token, 'GET', '/requests'), 200)).items).toEqual([]);
    });
  });

  describe('POST /api/requests/:id/proposals', () => {
    let client: Actor;
    let provider: Actor;
    let request: { id: string };
    beforeAll(async () => {
      client = await signIn(t, { role: 'client' });
      provider = await signIn(t, { role: 'provider' });
      request = await openRequest(client);
    });

    it('lets an (unapproved) provider propose, answering the contract shape with status pending', async () => {
      const body = proposalBody({ price: 120_000, currency: 'EUR', scope: 'Three logo drafts' });
      const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, body), 201);
      expect(proposal).toMatchObject({
        requestId: request.id,
        providerId: provider.id,
        price: 120_000,
        currency: 'EUR',
        scope: 'Three logo drafts',
        deadline: body.deadline,
        expiresAt: body.expiresAt,
        status: 'pending',
      });
      expect(typeof proposal.id).toBe('string');
    });

    it('lets an agency propose', async () => {
      const agency = await signIn(t, { role: 'agency', id: 'agency-proposer', agencyId: 'agency-proposer' });
      const proposal = await expectStatus(t.api(agency.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
      expect(proposal).toMatchObject({ providerId: agency.id, status: 'pending' });
    });

    it('stores timestamps given with an offset as UTC', async () => {
      const year = new Date().getUTCFullYear() + 1;
      const body = proposalBody({ deadline: `${year}-03-01T12:00:00+02:00`, expiresAt: `${year}-02-01T09:30:00-01:00` });
      const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, body), 201);
      expect(proposal.deadline).toBe(`${year}-03-01T10:00:00.000Z`);
      expect(proposal.expiresAt).toBe(`${year}-02-01T10:30:00.000Z`);
    });

    it.each(['client', 'worker', 'admin'] as const)('refuses a %s with 403 FORBIDDEN', async (role) => {
      const actor = await signIn(t, { role, ...(role === 'worker' ? { agencyId: 'some-agency' } : {}) });
      const before = await snapshotDatabase(t);
      await expectError(t.api(actor.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 403, 'FORBIDDEN');
      expect(await snapshotDatabase(t)).toEqual(before);
    });

    const past = () => new Date(Date.now() - 60_000).toISOString();
    it.each([
      ['a zero price', () => ({ price: 0 }), 'price'],
      ['a negative price', () => ({ price: -500 }), 'price'],
      ['a fractional price (not minor units)', () => ({ price: 25.5 }), 'price'],
      ['a string price', () => ({ price: '2500' }), 'price'],
      ['an unknown currency XXQ', () => ({ currency: 'XXQ' }), 'currency'],
      ['a lower-case currency eur', () => ({ currency: 'eur' }), 'currency'],
      ['a currency name', () => ({ currency: 'Euro' }), 'currency'],
      ['an empty scope', () => ({ scope: '' }), 'scope'],
      ['a whitespace-only scope', () => ({ scope: '  \n ' }), 'scope'],
      ['a deadline in the past', () => ({ deadline: past() }), 'deadline'],
      ['an expiresAt in the past', () => ({ expiresAt: past() }), 'expiresAt'],
      ['a deadline that is not a timestamp', () => ({ deadline: 'next tuesday' }), 'deadline'],
      ['a missing expiresAt', () => ({ expiresAt: undefined }), 'expiresAt'],
    ])('answers 400 VALIDATION_FAILED naming the field for %s', async (_case, overrides, field) => {
      const before = await snapshotDatabase(t);
      const error = await expectError(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody(overrides())), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(error.details)).toContain(field);
      expect(await snapshotDatabase(t)).toEqual(before);
    });

    it('answers 404 NOT_FOUND for an unknown request', async () => {
      await expectError(t.api(provider.token, 'POST', '/requests/no-such-request/proposals', proposalBody()), 404, 'NOT_FOUND');
    });
  });

  describe('POST /api/admin/providers/:userId/approve', () => {
    it.each(['client', 'provider', 'agency', 'worker'] as const)('refuses a %s with 403 FORBIDDEN, leaving the provider unapproved', async (role) => {
      const client = await signIn(t, { role: 'client' });
      const provider = await signIn(t, { role: 'provider' });
      const caller = role === 'provider' ? provider : await signIn(t, { role, ...(role === 'client' ? {} : { agencyId: 'some-agency' }) });
      const request = await openRequest(client);
      const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
      await expectError(t.api(caller.token, 'POST', `/admin/providers/${provider.id}/approve`), 403, 'FORBIDDEN');
      await expectError(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 409, 'PROVIDER_NOT_APPROVED');
    });

    it('lets an admin approve, after which the provider’s proposals can be accepted', async () => {
      const client = await signIn(t, { role: 'client' });
      const provider = await signIn(t, { role: 'provider' });
      const admin = await signIn(t, { role: 'admin' });
      const request = await openRequest(client);
      const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
      await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
      await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
    });

    it('answers 404 NOT_FOUND for an unknown user', async () => {
      const admin = await signIn(t, { role: 'admin' });
      await expectError(t.api(admin.token, 'POST', '/admin/providers/nobody-here/approve'), 404, 'NOT_FOUND');
    });
  });

  describe('POST /api/proposals/:id/accept', () => {
    it('converts the request and creates the project, its locked terms and its conversation', async () => {
      const client = await signIn(t, { role: 'client', name: 'Carla Client' });
      const provider = await signIn(t, { role: 'provider', name: 'Pablo Provider' });
      const admin = await signIn(t, { role: 'admin' });
      const request = await openRequest(client, { title: 'Bakery website', description: 'Five pages' });
      const body = proposalBody({ price: 480_000, currency: 'USD', scope: 'Design and build five pages' });
      const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, body), 201);
      await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);

      const before = Date.now();
      const { project, conversation } = await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
      expect(project).toMatchObject({
        requestId: request.id,
        proposalId: proposal.id,
        clientId: client.id,
        providerId: provider.id,
        title: 'Bakery website',
        terms: { price: 480_000, currency: 'USD', scope: 'Design and build five pages', deadline: body.deadline },
        status: 'active',
      });
      expect(project.agencyId ?? null).toBeNull();
      expect(project.termsLockedAt).toMatch(ISO_UTC);
      expect(Date.parse(project.termsLockedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(project.createdAt).toMatch(ISO_UTC);

      expect(conversation).toMatchObject({ projectId: project.id, kind: 'project', status: 'active' });
      const participants = conversation.participants.map((p: { userId: string; name: string }) => [p.userId, p.name]);
      expect(participants.sort()).toEqual([[client.id, 'Carla Client'], [provider.id, 'Pablo Provider']].sort());

      for (const actor of [client, provider]) {
        const history = await expectStatus(t.api(actor.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
        expect(history.items[0]).toMatchObject({ seq: 1, type: 'system', conversationId: conversation.id });
        expect(await expectStatus(t.api(actor.token, 'GET', `/projects/${project.id}`), 200)).toEqual(project);
      }

      const proposals = await expectStatus(t.api(client.token, 'GET', `/requests/${request.id}/proposals`), 200);
      expect(proposals.items).toEqual([expect.objectContaining({ id: proposal.id, status: 'accepted' })]);
      const requests = await expectStatus(t.api(client.token, 'GET', '/requests'), 200);
      expect(requests.items).toEqual([expect.objectContaining({ id: request.id, status: 'converted' })]);
    });

    it('refuses new proposals on the converted request with 409 REQUEST_NOT_OPEN', async () => {
      const client = await signIn(t, { role: 'client' });
      const [provider, latecomer, admin] = [await signIn(t, { role: 'provider' }), await signIn(t, { role: 'provider' }), await signIn(t, { role: 'admin' })];
      const request = await openRequest(client);
      const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
      await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
      await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
      const before = await snapshotDatabase(t);
      await expectError(t.api(latecomer.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 409, 'REQUEST_NOT_OPEN');
      expect(await snapshotDatabase(t)).toEqual(before);
    });
  });
});
