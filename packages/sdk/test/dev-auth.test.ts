import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyError, devAuth } from '@parley/sdk';
import { startTestServer, type TestServer } from '../../server/test/support/server.js';
import { clientPool, connected, useSdkServer } from './support/sdk.js';

// Development sign-in (contract § Identity: `POST /api/dev/token`, on only with `PARLEY_DEV_AUTH=1`),
// against the seeded demo workspace (`PARLEY_DEMO=1`).

describe('devAuth against a demo server', () => {
  let t: TestServer;
  const pool = clientPool();
  useSdkServer(pool, { env: { PARLEY_DEV_AUTH: '1', PARLEY_DEMO: '1' } }, (server) => (t = server));

  it('users() lists the demo people with their roles', async () => {
    const users = await devAuth.users(t.url);
    const roles = new Set(users.map((user) => user.role));
    expect([...roles].sort()).toEqual(['admin', 'agency', 'client', 'provider', 'worker']);
    expect(users.find((user) => user.id === 'client-alice')).toMatchObject({ id: 'client-alice', role: 'client' });
    // A trailing slash on the base URL is fine.
    expect((await devAuth.users(`${t.url}/`)).map((user) => user.id)).toEqual(users.map((user) => user.id));
  });

  it('token() signs a listed user in, over REST and over the socket', async () => {
    const [alice] = (await devAuth.users(t.url)).filter((user) => user.id === 'client-alice');
    const token = await devAuth.token(`${t.url}/`, 'client-alice');
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const sdk = pool.make(t, { token });
    expect(await sdk.me()).toEqual(alice);

    const [conversation] = (await sdk.conversations.list()).items;
    expect(conversation).toBeDefined();
    await connected(sdk);
    expect((await sdk.live.join(conversation?.id ?? '')).id).toBe(conversation?.id);
  });

  it('token() rejects an unknown user with NOT_FOUND (404)', async () => {
    const error = await devAuth.token(t.url, 'nobody-here').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('token() rejects a missing user id with VALIDATION_FAILED (400)', async () => {
    await expect(devAuth.token(t.url, '')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
  });
});

describe('devAuth against a server without PARLEY_DEV_AUTH', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('fails with a ParleyError: the development routes do not exist', async () => {
    await expect(devAuth.users(t.url)).rejects.toMatchObject({ name: 'ParleyError', code: 'NOT_FOUND', status: 404 });
    await expect(devAuth.token(t.url, 'client-alice')).rejects.toMatchObject({ name: 'ParleyError', code: 'NOT_FOUND', status: 404 });
  });
});
