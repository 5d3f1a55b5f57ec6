import { decodeJwt, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, snapshotDatabase } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, signIn, uniqueId } from './support/factories.js';
import { startTestServer, TEST_SECRET, type TestServer } from './support/server.js';

const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;

/** An HS256 token with exactly `claims` (no defaults added), signed with `secret`. */
function signRaw(claims: JWTPayload, secret = TEST_SECRET): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

// Contract § Identity: the marketplace signs an HS256 JWT per user; Parley verifies it and keeps the user from its claims.
describe.each(dialects)('identity (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const userRow = (id: string) => t.server.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

  describe('refused tokens answer 401 UNAUTHENTICATED and create no user', () => {
    const sub = () => uniqueId('intruder');
    const cases: [string, (id: string) => Promise<string | null>][] = [
      ['no token', () => Promise.resolve(null)],
      ['a garbage token', () => Promise.resolve('not-a-jwt')],
      ['a token signed with another secret', (id) => signRaw({ sub: id, role: 'client', exp: inOneHour() }, 'another-secret-0123456789abcdefghij')],
      ['an expired token', (id) => t.token({ id, role: 'client' }, -10)],
      ['a token with alg none', (id) => Promise.resolve(new UnsecuredJWT({ sub: id, role: 'admin' }).setExpirationTime('1h').encode())],
      ['a token missing role', (id) => signRaw({ sub: id, name: 'No Role', exp: inOneHour() })],
      ['a token with an unknown role', (id) => signRaw({ sub: id, role: 'superuser', exp: inOneHour() })],
      ['a token missing sub', () => signRaw({ role: 'client', exp: inOneHour() })],
      ['a token missing exp', (id) => signRaw({ sub: id, role: 'client' })],
      ['a tampered payload', async (id) => {
        const [header, , signature] = (await t.token({ id, role: 'client' })).split('.');
        const forged = Buffer.from(JSON.stringify({ sub: id, role: 'admin', exp: inOneHour() })).toString('base64url');
        return `${header}.${forged}.${signature}`;
      }],
    ];

    it.each(cases)('%s', async (_case, makeToken) => {
      const id = sub();
      const token = await makeToken(id);
      const before = await snapshotDatabase(t);
      await expectError(t.api(token, 'GET', '/me'), 401, 'UNAUTHENTICATED');
      await expectError(t.api(token, 'POST', '/requests', { title: 'Sneaky', description: 'x' }), 401, 'UNAUTHENTICATED');
      await expectError(t.api(token, 'GET', '/projects'), 401, 'UNAUTHENTICATED');
      expect(await snapshotDatabase(t)).toEqual(before);
      expect(await userRow(id)).toBeUndefined();
    });

    it('refuses a non-Bearer Authorization header', async () => {
      const token = await t.token({ id: sub(), role: 'client' });
      const response = await fetch(`${t.url}/api/me`, { headers: { authorization: `Basic ${token}` } });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    });

    it('refuses the socket handshake with connect_error data.code UNAUTHENTICATED', async () => {
      const expired = await t.token({ id: sub(), role: 'client' }, -10);
      const error = await t.connect(expired).then(
        () => null,
        (e: unknown) => e as { data?: { code?: string } },
      );
      expect(error?.data?.code).toBe('UNAUTHENTICATED');
    });

    it('leaves GET /api/health public', async () => {
      expect(await expectStatus(t.api(null, 'GET', '/health'), 200)).toEqual({ status: 'ok' });
    });
  });

  describe('users from claims', () => {
    it('creates the user from the claims on first sight (GET /api/me)', async () => {
      const id = uniqueId('client');
      expect(await userRow(id)).toBeUndefined();
      const token = await signRaw({ sub: id, name: 'Grace Hopper', email: 'grace@example.com', role: 'client', exp: inOneHour() });
      const me = await expectStatus(t.api(token, 'GET', '/me'), 200);
      expect(me).toMatchObject({ id, name: 'Grace Hopper', email: 'grace@example.com', role: 'client' });
      expect(await userRow(id)).toMatchObject({ id, name: 'Grace Hopper', email: 'grace@example.com', role: 'client' });
    });

    it('keeps agencyId for agency and worker users', async () => {
      const agencyId = uniqueId('agency');
      const agency = await expectStatus(t.api(await t.token({ id: agencyId, role: 'agency', agencyId }), 'GET', '/me'), 200);
      expect(agency).toMatchObject({ id: agencyId, role: 'agency', agencyId });
      const workerId = uniqueId('worker');
      const worker = await expectStatus(t.api(await t.token({ id: workerId, role: 'worker', agencyId }), 'GET', '/me'), 200);
      expect(worker).toMatchObject({ id: workerId, role: 'worker', agencyId });
    });

    it('updates the name from a newer token, keeping one user', async () => {
      const id = uniqueId('provider');
      await expectStatus(t.api(await t.token({ id, role: 'provider', name: 'Ada' }), 'GET', '/me'), 200);
      const me = await expectStatus(t.api(await t.token({ id, role: 'provider', name: 'Ada Lovelace' }), 'GET', '/me'), 200);
      expect(me).toMatchObject({ id, name: 'Ada Lovelace', role: 'provider' });
      const rows = await t.server.database.db.selectFrom('users').select('name').where('id', '=', id).execute();
      expect(rows).toEqual([{ name: 'Ada Lovelace' }]);
    });

    it('shows the new name to the people who share a conversation with the user', async () => {
      const { client, provider, conversation } = await createProject(t);
      await expectStatus(t.api(await t.token({ id: provider.id, role: 'provider', name: 'Renamed Provider' }), 'GET', '/me'), 200);
      const seen = await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}`), 200);
      expect(seen.participants.find((p: { userId: string }) => p.userId === provider.id)?.name).toBe('Renamed Provider');
    });

    it('starts providers unapproved and keeps an approval across later sign-ins', async () => {
      const admin = await signIn(t, { role: 'admin' });
      const client = await signIn(t, { role: 'client' });
      const provider = await signIn(t, { role: 'provider', name: 'Before' });
      expect(await expectStatus(t.api(provider.token, 'GET', '/me'), 200)).toMatchObject({ approved: false });
      await expectStatus(t.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
      const renamed = await t.token({ id: provider.id, role: 'provider', name: 'After' });
      expect(await expectStatus(t.api(renamed, 'GET', '/me'), 200)).toMatchObject({ name: 'After', approved: true });
      const request = await expectStatus(t.api(client.token, 'POST', '/requests', { title: 'Copy', description: 'Copywriting' }), 201);
      const proposal = await expectStatus(
        t.api(renamed, 'POST', `/requests/${request.id}/proposals`, {
          price: 10_000,
          currency: 'EUR',
          scope: 'Copy',
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
        201,
      );
      await expectStatus(t.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
    });
  });

  describe('POST /api/dev/token', () => {
    it('does not exist unless PARLEY_DEV_AUTH=1', async () => {
      const user = await signIn(t, { role: 'client' });
      await expectError(t.api(null, 'POST', '/dev/token', { userId: user.id }), 404, 'NOT_FOUND');
      await expectError(t.api(user.token, 'POST', '/dev/token', { userId: user.id }), 404, 'NOT_FOUND');
    });

    describe('with PARLEY_DEV_AUTH=1', () => {
      let dev: TestServer;
      beforeAll(async () => {
        dev = await startTestServer({ dialect, env: { PARLEY_DEV_AUTH: '1' } });
      });
      afterAll(() => dev.close());

      it('returns a working token for a known user', async () => {
        const known = await signIn(dev, { role: 'worker', name: 'Known Worker', agencyId: 'agency-x' });
        const { token } = await expectStatus(dev.api(null, 'POST', '/dev/token', { userId: known.id }), 200);
        expect(typeof token).toBe('string');
        expect(decodeJwt(token).exp).toBeGreaterThan(Date.now() / 1000);
        const me = await expectStatus(dev.api(token, 'GET', '/me'), 200);
        expect(me).toMatchObject({ id: known.id, name: 'Known Worker', role: 'worker', agencyId: 'agency-x' });
      });

      it('answers 404 NOT_FOUND for an unknown user, creating nobody', async () => {
        const before = await snapshotDatabase(dev);
        await expectError(dev.api(null, 'POST', '/dev/token', { userId: 'nobody-known' }), 404, 'NOT_FOUND');
        expect(await snapshotDatabase(dev)).toEqual(before);
      });

      it('answers 400 VALIDATION_FAILED without a userId', async () => {
        await expectError(dev.api(null, 'POST', '/dev/token', {}), 400, 'VALIDATION_FAILED');
      });
    });
  });
});
