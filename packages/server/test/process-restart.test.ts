import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '@parley/protocol';
import { expectStatus } from './support/factories.js';
import {
  createProjectThrough,
  killAll,
  readAllMessages,
  startParley,
  stopGracefully,
  tempDir,
  within,
  type ProcessActor,
  type ProcessProject,
} from './support/processes.js';
import type { TestSocket } from './support/server.js';

/** Real server processes on a SQLite file: what a restart or a crash leaves behind (contract § Running it, § Conversations and messages). */
describe('process: messages on a SQLite file outlive the process', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  const sockets: TestSocket[] = [];
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await killAll();
    await dir.remove();
  });

  it('SIGTERM shuts down gracefully (exit 0, open sockets closed) and a restart serves the whole history', async () => {
    const env = { PARLEY_DATA_DIR: dir.path, PARLEY_SEND_RATE: '0' };
    const first = await startParley(env);
    const project = await createProjectThrough(first);
    const sent: Message[] = [];
    for (let i = 0; i < 6; i += 1) {
      const sender = i % 2 === 0 ? project.client : project.provider;
      sent.push(await expectStatus(first.api(sender.token, 'POST', `/conversations/${project.conversationId}/messages`, { text: `before restart ${i}` }), 201));
    }
    expect(existsSync(join(dir.path, 'parley.db'))).toBe(true);

    // A socket still connected when the signal arrives must not keep the process alive.
    const socket: TestSocket = io(first.url, { auth: { token: project.client.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await within(new Promise((resolve) => socket.once('connect', () => resolve(undefined))), 5000, 'socket did not connect');
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));

    const exit = await stopGracefully(first);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(first.process.stdout).toContain('SIGTERM: shutting down');
    expect(first.process.stderr).toBe('');
    await within(disconnected, 5000, 'the open socket was not disconnected');

    const second = await startParley(env);
    const history = await readAllMessages(second, project.provider.token, project.conversationId);
    expect(history.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(history[0].type).toBe('system');
    expect(history.slice(1).map((m) => [m.id, m.seq, m.senderId, m.text])).toEqual(sent.map((m) => [m.id, m.seq, m.senderId, m.text]));

    // The seq counter continues from the stored state rather than restarting.
    const next = await expectStatus(second.api(project.client.token, 'POST', `/conversations/${project.conversationId}/messages`, { text: 'after restart' }), 201);
    expect(next.seq).toBe(8);
    expect(await stopGracefully(second)).toEqual({ code: 0, signal: null });
  });

  it('SIGKILL right after an acknowledgement loses no acknowledged message, and seqs stay gap-free', async () => {
    const env = { PARLEY_DATABASE_URL: `sqlite:${dir.path}/crash.db`, PARLEY_SEND_RATE: '0' };
    const first = await startParley(env);
    const project = await createProjectThrough(first);
    const acked = await sendUntilKilled(first, project, { target: 200, concurrency: 8 });
    expect((await first.process.waitForExit(10_000)).signal).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(200);

    const second = await startParley(env);
    const history = await readAllMessages(second, project.client.token, project.conversationId);
    const seqs = history.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: history.length }, (_, i) => i + 1));
    const stored = new Map(history.map((m) => [m.id, m]));
    const missing = acked.filter((m) => stored.get(m.id)?.seq !== m.seq || stored.get(m.id)?.text !== m.text);
    expect(missing).toEqual([]);
    // Every clientId was used once: no message is stored twice.
    const clientIds = history.filter((m) => m.clientId !== null).map((m) => m.clientId);
    expect(new Set(clientIds).size).toBe(clientIds.length);
  });
});

/**
 * Sends messages from `concurrency` parallel loops (client and provider alternately) and SIGKILLs the
 * server as soon as `target` of them are acknowledged (201), while the other loops still have sends in flight.
 * Returns every acknowledged message, including any answered in the instant before the kill took effect.
 */
async function sendUntilKilled(
  server: Awaited<ReturnType<typeof startParley>>,
  project: ProcessProject,
  opts: { target: number; concurrency: number },
): Promise<Message[]> {
  const acked: Message[] = [];
  let next = 0;
  let killed = false;
  const loop = async () => {
    while (!killed) {
      const n = next++;
      const sender: ProcessActor = n % 2 === 0 ? project.client : project.provider;
      const body = { text: `stream ${n}`, clientId: `stream-${n}` };
      let response;
      try {
        response = await server.api(sender.token, 'POST', `/conversations/${project.conversationId}/messages`, body);
      } catch {
        return; // The connection died with the process: this send was never acknowledged.
      }
      if (response.status !== 201) throw new Error(`send ${n} answered ${response.status}: ${JSON.stringify(response.body)}`);
      acked.push(response.body);
      if (acked.length >= opts.target && !killed) {
        killed = true;
        server.process.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, loop));
  return acked;
}
