import { afterAll, describe, expect, it } from 'vitest';
import type { Message } from '@parley/protocol';
import { createTestDatabase, postgresUrl, type TestDatabase } from './support/databases.js';
import { expectStatus } from './support/factories.js';
import { createProjectThrough, killAll, readAllMessages, startParley, type ParleyProcess, type ProcessActor } from './support/processes.js';

/**
 * Two server processes on one PostgreSQL database (contract § Conversations and messages: `seq` is per
 * conversation, starts at 1, strictly increasing with no gaps), the way a scaled-out deployment runs.
 * Skipped only when PARLEY_TEST_POSTGRES_URL is unset; CI sets it.
 */
describe.skipIf(!postgresUrl)('process: two servers on one PostgreSQL database', () => {
  let database: TestDatabase | undefined;
  afterAll(async () => {
    await killAll();
    await database?.drop();
  });

  it('starts both at once (one migration) and keeps seqs unique and gap-free under concurrent sends through both', async () => {
    database = await createTestDatabase('postgres');
    const env = { PARLEY_DATABASE_URL: database.url, PARLEY_SEND_RATE: '0' };
    // Started together, both migrate the same empty database: Kysely's migration lock must serialize them.
    const [a, b] = await Promise.all([startParley(env), startParley(env)]);
    expect(a.url).not.toBe(b.url);

    const project = await createProjectThrough(a);
    // Process B sees what A wrote: the conversation and its opening system message.
    const opening = await readAllMessages(b, project.provider.token, project.conversationId);
    expect(opening.map((m) => [m.seq, m.type])).toEqual([[1, 'system']]);

    const perProcess = 40;
    const sends: Promise<Message>[] = [];
    for (let i = 0; i < perProcess; i += 1) {
      // Both users send through both processes, interleaved.
      sends.push(send(a, i % 2 === 0 ? project.client : project.provider, project.conversationId, `a-${i}`));
      sends.push(send(b, i % 2 === 0 ? project.provider : project.client, project.conversationId, `b-${i}`));
    }
    const acked = await Promise.all(sends);

    const ackedSeqs = acked.map((m) => m.seq).sort((x, y) => x - y);
    expect(ackedSeqs).toEqual(Array.from({ length: 2 * perProcess }, (_, i) => i + 2));

    for (const server of [a, b]) {
      const history = await readAllMessages(server, project.client.token, project.conversationId);
      expect(history.map((m) => m.seq)).toEqual(Array.from({ length: 2 * perProcess + 1 }, (_, i) => i + 1));
      const bySeq = new Map(history.map((m) => [m.seq, m]));
      expect(acked.filter((m) => bySeq.get(m.seq)?.id !== m.id)).toEqual([]);
    }

    // The conversation's summary agrees on both processes.
    for (const server of [a, b]) {
      const conversation = await expectStatus(server.api(project.provider.token, 'GET', `/conversations/${project.conversationId}`), 200);
      expect(conversation.lastMessage.seq).toBe(2 * perProcess + 1);
    }
  });
});

/** One REST send that must be acknowledged with 201. */
async function send(server: ParleyProcess, sender: ProcessActor, conversationId: string, label: string): Promise<Message> {
  return expectStatus(server.api(sender.token, 'POST', `/conversations/${conversationId}/messages`, { text: `message ${label}`, clientId: label }), 201);
}
