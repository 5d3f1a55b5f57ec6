import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type GenerateKeyPairResult, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.js';

/** Signs a Parley token with an asymmetric key (the marketplace's side of PARLEY_JWKS_URL). */
function sign(key: CryptoKey, alg: string, kid: string, sub: string): Promise<string> {
  return new SignJWT({ role: 'client', name: `User ${sub}` })
    .setProtectedHeader({ alg, kid })
    .setSubject(sub)
    .setExpirationTime('5m')
    .sign(key);
}

describe('identity: RS256 and ES256 tokens verified through PARLEY_JWKS_URL', () => {
  let jwksServer: Server;
  let t: TestServer;
  let rsa: GenerateKeyPairResult;
  let ec: GenerateKeyPairResult;
  let stranger: GenerateKeyPairResult;

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    ec = await generateKeyPair('ES256');
    stranger = await generateKeyPair('RS256');
    const rsaPublic = await publicJwk(rsa, 'RS256', 'rsa-1');
    const ecPublic = await publicJwk(ec, 'ES256', 'ec-1');
    jwksServer = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [rsaPublic, ecPublic] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as AddressInfo; // a TCP server's address is always AddressInfo
    t = await startTestServer({ env: { PARLEY_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` } });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  it('accepts an RS256 token whose key is in the JWKS', async () => {
    const me = await t.api(await sign(rsa.privateKey, 'RS256', 'rsa-1', 'jwks-rsa-user'), 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: 'jwks-rsa-user', role: 'client', name: 'User jwks-rsa-user' });
  });

  it('accepts an ES256 token whose key is in the JWKS', async () => {
    const me = await t.api(await sign(ec.privateKey, 'ES256', 'ec-1', 'jwks-ec-user'), 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe('jwks-ec-user');
  });

  it('refuses an RS256 token signed by a key the JWKS does not hold', async () => {
    const me = await t.api(await sign(stranger.privateKey, 'RS256', 'rsa-1', 'intruder'), 'GET', '/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('still accepts HS256 tokens signed with PARLEY_JWT_SECRET beside the JWKS', async () => {
    const me = await t.api(await t.token({ id: 'hs-user', role: 'provider' }), 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: 'hs-user', role: 'provider', approved: false });
  });
});

/** The public half of a key pair as a JWKS entry. */
async function publicJwk(pair: GenerateKeyPairResult, alg: string, kid: string): Promise<JWK> {
  return { ...(await exportJWK(pair.publicKey)), alg, kid, use: 'sig' };
}
