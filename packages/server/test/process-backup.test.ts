import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from './support/factories.js';
import { createProjectThrough, expectOneLineError, freePort, killAll, spawnParley, startParley, stopGracefully, tempDir, type ParleyProcess, type ProcessProject } from './support/processes.js';

/** Bound on a `parley backup` run (ms): a few hundred pages here, most of it Node and tsx starting. */
const EXIT_TIMEOUT_MS = 20_000;

/** Messages acknowledged before the backup starts; each must be in it. */
const SENT_BEFORE = 25;

/** A message row as the backup holds it (the `messages` table of migration 20261121000000-initial). */
interface MessageRow {
  id: string;
  seq: number;
  text: string;
}

/**
 * `parley backup FILE` (issue 8, docs/deploy.md "Backup and restore"): SQLite's online backup API through
 * better-sqlite3, taken by a separate process while a real server keeps writing to the same file.
 */
describe('process: parley backup of a running server', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let server: ParleyProcess;
  let project: ProcessProject;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await tempDir();
    env = { PARLEY_DATABASE_URL: `sqlite:${join(dir.path, 'parley.db')}` };
    server = await startParley({ ...env, PARLEY_SEND_RATE: '0' });
    project = await createProjectThrough(server);
  });
  afterAll(async () => {
    await stopGracefully(server).catch(() => undefined);
    await killAll();
    await dir.remove();
  });

  it('copies a consistent database holding every message acknowledged before it, while sends go on', async () => {
    const send = (text: string) => expectStatus(server.api(project.client.token, 'POST', `/conversations/${project.conversationId}/messages`, { text }), 201);
    const before: MessageRow[] = [];
    for (let i = 0; i < SENT_BEFORE; i++) before.push(await send(`before backup ${i}`));

    // Writes keep landing on the database (another connection, another process) for as long as the backup runs.
    let backingUp = true;
    let sentDuring = 0;
    const writer = (async () => {
      while (backingUp) {
        await send(`during backup ${sentDuring}`);
        sentDuring += 1;
      }
    })();
    const file = join(dir.path, 'backup.db');
    const command = spawnParley(['backup', file], env);
    const exit = await command.waitForExit(EXIT_TIMEOUT_MS).finally(() => {
      backingUp = false;
    });
    await writer;
    expect(exit, command.stderr).toEqual({ code: 0, signal: null });
    expect(command.stdout.trim().split('\n')).toEqual([expect.stringContaining(`to ${file}`)]);
    expect(sentDuring).toBeGreaterThan(0);
    // The copy was written beside FILE and moved into place: nothing partial is left behind.
    expect(readdirSync(dir.path).filter((name) => name.includes('.partial-'))).toEqual([]);

    const backup = new SQLite(file, { fileMustExist: true });
    try {
      expect(backup.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(backup.pragma('foreign_key_check')).toEqual([]);
      const rows = backup.prepare('select id, seq, text from messages where conversation_id = ? order by seq').all(project.conversationId) as MessageRow[];
      // One snapshot: a gap-free prefix of the conversation (seq 1 is the project's system message).
      expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const message of before) expect(byId.get(message.id)).toMatchObject({ seq: message.seq, text: message.text });
    } finally {
      backup.close();
    }

    // The server kept running and still writes.
    await send('after backup');
  });

  it('refuses to replace an existing file without --force, and replaces it with --force', async () => {
    const file = join(dir.path, 'existing.db');
    writeFileSync(file, 'an older backup\n');

    const refused = spawnParley(['backup', file], env);
    expectOneLineError(await refused.waitForExit(EXIT_TIMEOUT_MS), refused.stderr, '--force');
    expect(readFileSync(file, 'utf8')).toBe('an older backup\n');

    const forced = spawnParley(['backup', file, '--force'], env);
    expect(await forced.waitForExit(EXIT_TIMEOUT_MS), forced.stderr).toEqual({ code: 0, signal: null });
    const backup = new SQLite(file, { fileMustExist: true });
    try {
      expect(backup.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(backup.prepare('select count(*) as n from messages where conversation_id = ?').get(project.conversationId)).toEqual({ n: expect.any(Number) });
    } finally {
      backup.close();
    }
  });

  it('refuses to write over the database itself, even with --force', async () => {
    const command = spawnParley(['backup', join(dir.path, 'parley.db'), '--force'], env);
    expectOneLineError(await command.waitForExit(EXIT_TIMEOUT_MS), command.stderr, 'the database itself');
    expect((await server.api(project.client.token, 'GET', `/conversations/${project.conversationId}/messages?limit=1`)).status).toBe(200);
  });
});

describe('process: parley backup refusals', () => {
  afterEach(() => killAll());

  it('points to pg_dump for a PostgreSQL database, before connecting, without printing the password', async () => {
    // Nothing listens on this port: a connection attempt would fail with another message.
    const port = await freePort();
    const command = spawnParley(['backup', '/tmp/never-written.db'], { PARLEY_DATABASE_URL: `postgres://parley:hunter2-secret@127.0.0.1:${port}/parley` });
    expectOneLineError(await command.waitForExit(EXIT_TIMEOUT_MS), command.stderr, 'pg_dump');
    expect(command.stderr).not.toContain('hunter2-secret');
  });

  it('names a SQLite file that does not exist instead of creating it', async () => {
    const dir = await tempDir();
    try {
      const missing = join(dir.path, 'nothing-here.db');
      const command = spawnParley(['backup', join(dir.path, 'copy.db')], { PARLEY_DATABASE_URL: `sqlite:${missing}` });
      expectOneLineError(await command.waitForExit(EXIT_TIMEOUT_MS), command.stderr, missing);
      expect(existsSync(missing)).toBe(false);
    } finally {
      await dir.remove();
    }
  });

  it('asks for a FILE', async () => {
    const command = spawnParley(['backup'], { PARLEY_DATABASE_URL: 'sqlite::memory:' });
    expectOneLineError(await command.waitForExit(EXIT_TIMEOUT_MS), command.stderr, 'parley backup FILE');
  });
});
