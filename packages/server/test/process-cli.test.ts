import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { expectOneLineError, freePort, killAll, PROCESS_SECRET, spawnParley, startParley, tempDir } from './support/processes.js';

/** Bound on a process that should stop on its own (ms). */
const EXIT_TIMEOUT_MS = 20_000;

/**
 * Contract § Running it: "A bad or missing required setting stops start-up with one line naming the setting."
 * Each case runs `parley start` with one bad setting and expects a non-zero exit, exactly one line on stderr
 * naming the setting, and no listening server.
 */
describe('process: a bad setting stops start-up with one line naming it', () => {
  afterEach(() => killAll());

  const cases: { name: string; setting: string; env: Record<string, string> }[] = [
    { name: 'a send rate that is not a number', setting: 'PARLEY_SEND_RATE', env: { PARLEY_SEND_RATE: 'abc' } },
    { name: 'a port above 65535', setting: 'PORT', env: { PORT: '99999' } },
    { name: 'no secret without development sign-in', setting: 'PARLEY_JWT_SECRET', env: { PARLEY_JWT_SECRET: '' } },
    { name: 'a secret shorter than 32 characters', setting: 'PARLEY_JWT_SECRET', env: { PARLEY_JWT_SECRET: 'too-short' } },
    { name: 'an unsupported database URL', setting: 'PARLEY_DATABASE_URL', env: { PARLEY_DATABASE_URL: 'mysql://localhost/parley' } },
    { name: 'a flag that is not 0/1/true/false', setting: 'PARLEY_DEV_AUTH', env: { PARLEY_DEV_AUTH: 'yes' } },
  ];

  it.each(cases)('$name → names $setting', async ({ setting, env }) => {
    const settings: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', PARLEY_JWT_SECRET: PROCESS_SECRET, PARLEY_DATABASE_URL: 'sqlite::memory:', ...env };
    // An empty value stands for "unset": the child's environment is built without Parley settings.
    const child = spawnParley(['start'], Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== '')));
    const exit = await child.waitForExit(EXIT_TIMEOUT_MS);
    expectOneLineError(exit, child.stderr, setting);
    expect(child.stdout).not.toContain('Parley is listening');
  });

  it('a PostgreSQL URL nobody answers at → names PARLEY_DATABASE_URL and hides its password', async () => {
    const port = await freePort();
    const child = spawnParley(['start'], {
      PORT: '0',
      HOST: '127.0.0.1',
      PARLEY_JWT_SECRET: PROCESS_SECRET,
      PARLEY_DATABASE_URL: `postgres://parley:hunter2-secret@127.0.0.1:${port}/parley`,
    });
    const exit = await child.waitForExit(EXIT_TIMEOUT_MS);
    expectOneLineError(exit, child.stderr, 'PARLEY_DATABASE_URL');
    expect(child.stderr).not.toContain('hunter2-secret');
    expect(child.stdout).not.toContain('hunter2-secret');
  });

  describe('a port already in use', () => {
    let occupied: Server;
    afterAll(() => new Promise<void>((resolve) => occupied.close(() => resolve())));

    it('names PORT', async () => {
      occupied = createServer();
      await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
      const address = occupied.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const child = spawnParley(['start'], { PORT: String(port), HOST: '127.0.0.1', PARLEY_JWT_SECRET: PROCESS_SECRET, PARLEY_DATABASE_URL: 'sqlite::memory:' });
      const exit = await child.waitForExit(EXIT_TIMEOUT_MS);
      expectOneLineError(exit, child.stderr, 'PORT');
    });
  });
});

describe('process: parley token', () => {
  afterAll(() => killAll());

  it('prints a token signed with PARLEY_JWT_SECRET that the server accepts', async () => {
    const command = spawnParley(['token', '--user', 'u1', '--role', 'client', '--name', 'Una One'], { PARLEY_JWT_SECRET: PROCESS_SECRET });
    expect(await command.waitForExit(EXIT_TIMEOUT_MS)).toEqual({ code: 0, signal: null });
    const lines = command.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const token = lines[0] ?? '';
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const server = await startParley({ PARLEY_DATABASE_URL: 'sqlite::memory:' });
    const me = await server.api(token, 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: 'u1', role: 'client', name: 'Una One' });

    // The signature is what the server checks: the same token signed with another secret is refused.
    const other = spawnParley(['token', '--user', 'u1', '--role', 'client'], { PARLEY_JWT_SECRET: `${PROCESS_SECRET}-other` });
    await other.waitForExit(EXIT_TIMEOUT_MS);
    expect((await server.api(other.stdout.trim(), 'GET', '/me')).status).toBe(401);
  });

  it('refuses without a role, on one line', async () => {
    const command = spawnParley(['token', '--user', 'u1'], { PARLEY_JWT_SECRET: PROCESS_SECRET });
    const exit = await command.waitForExit(EXIT_TIMEOUT_MS);
    expectOneLineError(exit, command.stderr, '--role');
  });
});

describe('process: parley migrate', () => {
  afterAll(() => killAll());

  it('creates the schema without a token secret, then reports it up to date', async () => {
    const dir = await tempDir();
    try {
      const env = { PARLEY_DATABASE_URL: `sqlite:${dir.path}/parley.db` };
      const first = spawnParley(['migrate'], env);
      expect(await first.waitForExit(EXIT_TIMEOUT_MS), first.stderr).toEqual({ code: 0, signal: null });
      expect(first.stdout).toMatch(/^applied: \d{14}-initial$/m);
      const second = spawnParley(['migrate'], env);
      expect(await second.waitForExit(EXIT_TIMEOUT_MS), second.stderr).toEqual({ code: 0, signal: null });
      expect(second.stdout.trim()).toBe('The schema is up to date.');
    } finally {
      await dir.remove();
    }
  });

  it('names PARLEY_DATABASE_URL on one line when the database is unreachable', async () => {
    const port = await freePort();
    const child = spawnParley(['migrate'], { PARLEY_DATABASE_URL: `postgres://parley@127.0.0.1:${port}/parley` });
    expectOneLineError(await child.waitForExit(EXIT_TIMEOUT_MS), child.stderr, 'PARLEY_DATABASE_URL');
  });
});
