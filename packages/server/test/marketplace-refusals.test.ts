import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectError, expectRefusalChangesNothing, snapshotDatabase } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, proposalBody, signIn, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

/** One open request with one pending proposal, its provider approved unless `approved: false`. */
interface Offer {
  client: Actor;
  provider: Actor;
  admin: Actor;
  requestId: string;
  proposalId: string;
}

// Contract § Marketplace flow, POST /api/proposals/:id/accept: "Refusals: … A refusal changes nothing."
describe.each(dialects)('accepting a proposal: refusals change nothing (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  async function offer(opts: { approved?: boolean; provider?: Actor; client?: Actor; requestId?: string } = {}): Promise<Offer> {
    const client = opts.client ?? (await signIn(t, { role: 'client' }));
    const provider = opts.provider ?? (await signIn(t, { role: 'provider' }));
    const admin = await signIn(t, { role: 'admin' });
    const requestId =
      opts.requestId ?? (await expectStatus(t.api(client.token, 'POST', '/requests', { title: 'Shop redesign', description: 'New theme' }), 201)).id;
    const proposal = await expectStatus(t.api(provider.token, 'POST', `/requests/${requestId}/proposals`, proposalBody()), 201);
    if (opts.approved !== false) await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
    return { client, provider, admin, requestId, proposalId: proposal.id };
  }
  const accept = (actor: Actor, proposalId: string) => t.api(actor.token, 'POST', `/proposals/${proposalId}/accept`);
  const db = () => t.server.database.db;

  it('refuses a proposal that is no longer pending with 409 PROPOSAL_NOT_PENDING', async () => {
    for (const status of ['withdrawn', 'rejected'] as const) {
      const { client, proposalId } = await offer();
      await db().updateTable('proposals').set({ status }).where('id', '=', proposalId).execute();
      await expectRefusalChangesNothing(t, () => accept(client, proposalId), 409, 'PROPOSAL_NOT_PENDING');
    }
  });

  it('refuses the same proposal a second time, changing nothing', async () => {
    const { client, proposalId } = await offer();
    await expectStatus(accept(client, proposalId), 201);
    const before = await snapshotDatabase(t);
    const { status, body } = await accept(client, proposalId);
    // Both "not pending" and "request not open" hold here; the contract does not rank them.
    expect({ status, code: body.error.code }).toEqual({ status: 409, code: expect.stringMatching(/^(PROPOSAL_NOT_PENDING|REQUEST_NOT_OPEN)$/) });
    expect(await snapshotDatabase(t)).toEqual(before);
  });

  it('refuses an expired proposal (stored status still pending) with 409 PROPOSAL_EXPIRED', async () => {
    const { client, proposalId } = await offer();
    const expiredAt = new Date(Date.now() - 60_000).toISOString();
    await db().updateTable('proposals').set({ expires_at: expiredAt }).where('id', '=', proposalId).execute();
    await expectRefusalChangesNothing(t, () => accept(client, proposalId), 409, 'PROPOSAL_EXPIRED');
  });

  it('treats now = expiresAt as expired (now ≥ expiresAt)', async () => {
    const { client, proposalId } = await offer();
    const expiresAt = new Date(Date.now() + 60_000);
    await db().updateTable('proposals').set({ expires_at: expiresAt.toISOString() }).where('id', '=', proposalId).execute();
    // The server runs in this process: pin its clock (Date only; timers stay real) to the very millisecond of expiry.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(expiresAt);
    try {
      await expectRefusalChangesNothing(t, () => accept(client, proposalId), 409, 'PROPOSAL_EXPIRED');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a proposal of an unapproved provider with 409 PROVIDER_NOT_APPROVED, then accepts it once approved', async () => {
    const { client, provider, admin, proposalId } = await offer({ approved: false });
    await expectRefusalChangesNothing(t, () => accept(client, proposalId), 409, 'PROVIDER_NOT_APPROVED');
    await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
    await expectStatus(accept(client, proposalId), 201);
  });

  it('refuses a proposal of an unapproved agency with 409 PROVIDER_NOT_APPROVED', async () => {
    const agency = await signIn(t, { role: 'agency', id: 'agency-unapproved', agencyId: 'agency-unapproved' });
    const { client, proposalId } = await offer({ approved: false, provider: agency });
    await expectRefusalChangesNothing(t, () => accept(client, proposalId), 409, 'PROVIDER_NOT_APPROVED');
  });

  it('refuses a second proposal after the request was converted with 409 REQUEST_NOT_OPEN', async () => {
    const first = await offer();
    const second = await offer({ client: first.client, requestId: first.requestId });
    await expectStatus(accept(first.client, first.proposalId), 201);
    await expectRefusalChangesNothing(t, () => accept(first.client, second.proposalId), 409, 'REQUEST_NOT_OPEN');
    const proposals = await expectStatus(t.api(first.client.token, 'GET', `/requests/${first.requestId}/proposals`), 200);
    expect(proposals.items.find((p: { id: string }) => p.id === second.proposalId)?.status).toBe('pending');
  });

  it('refuses a proposal on a closed request with 409 REQUEST_NOT_OPEN', async () => {
    const { client, requestId, proposalId } = await offer();
    await db().updateTable('requests').set({ status: 'closed' }).where('id', '=', requestId).execute();
    await expectRefusalChangesNothing(t, () => accept(client, proposalId), 409, 'REQUEST_NOT_OPEN');
  });

  it('refuses anyone but the request’s client with 403 FORBIDDEN', async () => {
    const { client, provider, admin, proposalId } = await offer();
    const otherClient = await signIn(t, { role: 'client' });
    for (const caller of [otherClient, provider, admin]) {
      await expectRefusalChangesNothing(t, () => accept(caller, proposalId), 403, 'FORBIDDEN');
    }
    await expectStatus(accept(client, proposalId), 201);
  });

  it('answers 404 NOT_FOUND for an unknown proposal', async () => {
    const client = await signIn(t, { role: 'client' });
    await createProject(t);
    await expectRefusalChangesNothing(t, () => accept(client, 'no-such-proposal'), 404, 'NOT_FOUND');
  });

  it('lets exactly one of two racing acceptances on one request win', async () => {
    const first = await offer();
    const second = await offer({ client: first.client, requestId: first.requestId });
    const results = await Promise.all([accept(first.client, first.proposalId), accept(first.client, second.proposalId)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409);
    if (loser) await expectError(loser, 409, 'REQUEST_NOT_OPEN');
    const projects = await db().selectFrom('projects').select(['id', 'proposal_id']).where('request_id', '=', first.requestId).execute();
    const winner = results.find((r) => r.status === 201)?.body;
    expect(projects).toEqual([{ id: winner.project.id, proposal_id: winner.project.proposalId }]);
    const proposals = await db().selectFrom('proposals').select(['id', 'status']).where('request_id', '=', first.requestId).execute();
    expect(proposals.filter((p) => p.status === 'accepted')).toEqual([{ id: winner.project.proposalId, status: 'accepted' }]);
    const conversations = await db().selectFrom('conversations').select('id').where('project_id', '=', winner.project.id).execute();
    expect(conversations).toEqual([{ id: winner.conversation.id }]);
  });

  it('lets exactly one of two racing acceptances of the same proposal win', async () => {
    const { client, requestId, proposalId } = await offer();
    const results = await Promise.all([accept(client, proposalId), accept(client, proposalId)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const projects = await db().selectFrom('projects').select('id').where('request_id', '=', requestId).execute();
    expect(projects).toHaveLength(1);
  });
});
