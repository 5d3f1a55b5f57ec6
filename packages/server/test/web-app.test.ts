import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.js';

const INDEX = '<!doctype html><title>Parley test app</title><div id="root"></div>';

/** Issue 3 § 2: the server serves the built web app at `/` with an SPA fallback; the API keeps its JSON 404s. */
describe('web app served at /', () => {
  let dir: string;
  let t: TestServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'app-1234.js'), 'console.log("parley")');
    t = await startTestServer({ env: { PARLEY_WEB_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const page = (path: string) => fetch(`${t.url}${path}`, { headers: { accept: 'text/html,application/xhtml+xml' } });

  it('serves index.html at / without caching it', async () => {
    const response = await page('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves hashed assets with a long cache life', async () => {
    const response = await fetch(`${t.url}/assets/app-1234.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe('console.log("parley")');
  });

  it('answers page loads of app routes such as /c/<id> with index.html (SPA fallback)', async () => {
    const response = await page('/c/01ABCDEF');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
  });

  it('keeps the contract’s JSON 404 for unknown API routes, even when asked for HTML', async () => {
    const response = await page('/api/no-such-route');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('answers a missing asset (not a page load) with 404', async () => {
    const response = await fetch(`${t.url}/assets/missing.js`);
    expect(response.status).toBe(404);
  });
});

describe('no web app built', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { PARLEY_WEB_DIR: join(tmpdir(), 'parley-no-such-web-dir') } });
  });
  afterAll(() => t.close());

  it('still serves the API, and / answers the JSON 404', async () => {
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
    const response = await fetch(`${t.url}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
  });
});
