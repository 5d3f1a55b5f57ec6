import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { expectStatus } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

// Issue 2 § Demo workspace: an admin; two clients; an approved provider; an approved agency with two workers;
// open requests with pending proposals; two accepted projects (one an agency project with a worker assigned)
// whose conversations hold a history.
describe('demo workspace (PARLEY_DEMO=1)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { PARLEY_DEMO: '1', PARLEY_DEV_AUTH: '1' } });
  });
  afterAll(() => t.close());

  const signInAs = async (userId: string): Promise<string> => (await expectStatus(t.api(null, 'POST', '/dev/token', { userId }), 200)).token;

  it('holds the people the issue names, with providers and the agency approved', async () => {
    const { items } = await expectStatus(t.api(null, 'GET', '/dev/users'), 200);
    const byRole = (role: string) => items.filter((user: { role: string }) => user.role === role);
    expect(byRole('admin')).toHaveLength(1);
    expect(byRole('client')).toHaveLength(2);
    expect(byRole('provider').some((user: { approved: boolean }) => user.approved)).toBe(true);
    const [agency] = byRole('agency');
    expect(agency).toMatchObject({ approved: true });
    expect(byRole('worker').filter((user: { agencyId: string }) => user.agencyId === agency.agencyId)).toHaveLength(2);
  });

  it('has open requests with pending proposals', async () => {
    const paul = await signInAs('provider-paul');
    const open = (await expectStatus(t.api(paul, 'GET', '/requests'), 200)).items;
    expect(open.length).toBeGreaterThanOrEqual(2);
    const alice = await signInAs('client-alice');
    const mine = (await expectStatus(t.api(alice, 'GET', '/requests'), 200)).items.filter((r: { status: string }) => r.status === 'open');
    const proposals = (await expectStatus(t.api(alice, 'GET', `/requests/${mine[0].id}/proposals`), 200)).items;
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.every((p: { status: string }) => p.status === 'pending')).toBe(true);
  });

  it('has a direct project and an agency project with a worker, each conversation with a history', async () => {
    const alice = await signInAs('client-alice');
    const [direct] = (await expectStatus(t.api(alice, 'GET', '/projects'), 200)).items;
    expect(direct).toMatchObject({ status: 'active', agencyId: null, providerId: 'provider-paul' });

    const wen = await signInAs('worker-wen');
    const [agencyProject] = (await expectStatus(t.api(wen, 'GET', '/projects'), 200)).items;
    expect(agencyProject).toMatchObject({ clientId: 'client-bob', providerId: 'agency-nova', workerIds: ['worker-wen'] });

    for (const token of [alice, wen]) {
      const [conversation] = (await expectStatus(t.api(token, 'GET', '/conversations'), 200)).items;
      const history = await expectStatus(t.api(token, 'GET', `/conversations/${conversation.id}/messages`), 200);
      const senders = new Set(history.items.map((m: { senderId: string | null }) => m.senderId).filter(Boolean));
      expect(history.items.length).toBeGreaterThanOrEqual(8);
      expect(senders.size).toBeGreaterThanOrEqual(2);
      expect(history.items.map((m: { seq: number }) => m.seq)).toEqual(history.items.map((_: unknown, i: number) => i + 1));
      const times = history.items.map((m: { createdAt: string }) => m.createdAt);
      expect([...times].sort()).toEqual(times);
      expect(Date.parse(times[0])).toBeLessThan(Date.now() - 24 * 60 * 60 * 1000);
    }
  });

  it('seeds only an empty database', async () => {
    const before = await t.server.database.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await seedDemo(t.server.database.db)).toBe(false);
    const after = await t.server.database.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
