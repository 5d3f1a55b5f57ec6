import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from './support/factories.js';
import { callApi, freePort, killAll, spawnCommand, spawnParley, START_TIMEOUT_MS, tempDir, waitForHealth } from './support/processes.js';

/** Bound on the example: its own deadline is 15 s, plus npx and tsx start-up (ms). */
const EXAMPLE_TIMEOUT_MS = 40_000;

/**
 * `parley demo` (what `npm start` runs) on an empty data directory: the demo workspace is seeded, development
 * sign-in works, and the two-party chat example runs against it (contract § Running it, § Identity).
 */
describe('process: parley demo and the two-party chat example', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let url: string;
  beforeAll(async () => {
    dir = await tempDir();
    const port = await freePort();
    const demo = spawnParley(['demo'], { PARLEY_DATA_DIR: dir.path, PORT: String(port), HOST: '127.0.0.1', PARLEY_LOG_LEVEL: 'info' });
    const [, listening] = await demo.waitForStdout(/Parley is listening on (http:\/\/[^\s"]+)/, START_TIMEOUT_MS);
    url = `http://127.0.0.1:${port}`;
    expect(listening).toBe(url);
    await waitForHealth(url);
  });
  afterAll(async () => {
    await killAll();
    await dir.remove();
  });

  it('answers /api/health with {"status":"ok"} and keeps its database in PARLEY_DATA_DIR', async () => {
    const health = await callApi(url, null, 'GET', '/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok' } });
    expect(existsSync(join(dir.path, 'parley.db'))).toBe(true);
  });

  it("signs Alice in through /api/dev/token and lists her seeded project conversation with its history", async () => {
    const { token } = await expectStatus(callApi(url, null, 'POST', '/dev/token', { userId: 'client-alice' }), 200);
    expect(typeof token).toBe('string');
    const me = await expectStatus(callApi(url, token, 'GET', '/me'), 200);
    expect(me).toMatchObject({ id: 'client-alice', role: 'client' });

    const { items } = await expectStatus(callApi(url, token, 'GET', '/conversations'), 200);
    const checkout = items.find((c: any) => c.participants.some((p: any) => p.userId === 'provider-paul'));
    expect(checkout).toMatchObject({ kind: 'project', title: 'Redesign the checkout flow', status: 'active' });
    const history = await expectStatus(callApi(url, token, 'GET', `/conversations/${checkout.id}/messages?limit=100`), 200);
    expect(history.items.length).toBeGreaterThanOrEqual(10);
    expect(history.items.map((m: any) => m.seq)).toEqual(history.items.map((_: unknown, i: number) => i + 1));
    expect(history.items.filter((m: any) => m.type === 'text').map((m: any) => m.senderId)).toEqual(
      expect.arrayContaining(['client-alice', 'provider-paul']),
    );

    // Unknown users get no token.
    expect((await callApi(url, null, 'POST', '/dev/token', { userId: 'nobody' })).status).toBe(404);
  });

  it('runs examples/two-party-chat.ts to a clean exit, printing each delivery latency', async () => {
    const example = spawnCommand('npx', ['tsx', 'examples/two-party-chat.ts'], { PARLEY_URL: url });
    const exit = await example.waitForExit(EXAMPLE_TIMEOUT_MS);
    expect(exit, `stdout:\n${example.stdout}\nstderr:\n${example.stderr}`).toEqual({ code: 0, signal: null });
    const latencies = [...example.stdout.matchAll(/delivered in (\d+(?:\.\d+)?) ms/g)].map((match) => Number(match[1]));
    expect(latencies).toHaveLength(3);
    expect(example.stdout).toMatch(/typing/);
    expect(example.stdout).toMatch(/read up to seq \d+/);

    // What the example sent is stored: Alice's conversation now ends with its last message, read by Paul.
    const { token } = await expectStatus(callApi(url, null, 'POST', '/dev/token', { userId: 'provider-paul' }), 200);
    const { items } = await expectStatus(callApi(url, token, 'GET', '/conversations'), 200);
    const checkout = items.find((c: any) => c.participants.some((p: any) => p.userId === 'client-alice'));
    expect(checkout.lastMessage.preview).toContain('high-fidelity designs');
    expect(checkout.unreadCount).toBe(0);
  });

  it('fails with a clear message and a non-zero exit when no server answers', async () => {
    const example = spawnCommand('npx', ['tsx', 'examples/two-party-chat.ts'], { PARLEY_URL: `http://127.0.0.1:${await freePort()}` });
    const exit = await example.waitForExit(EXAMPLE_TIMEOUT_MS);
    expect(exit.code).toBe(1);
    expect(example.stderr).toMatch(/two-party-chat failed while signing in: cannot reach http:\/\/127\.0\.0\.1:\d+/);
  });
});
