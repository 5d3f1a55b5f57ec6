import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl } from './support/databases.js';
import { createProject, expectStatus } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * PostgreSQL may drop the server's idle pooled connections at any time (restart, failover, a proxy's idle
 * timeout, `pg_terminate_backend`). The server must survive that and keep storing messages, not crash on
 * the pool's `error` event (node-postgres docs, "Pool › events › error").
 */
describe.runIf(postgresUrl)('messaging after PostgreSQL drops idle connections', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect: 'postgres' });
  });
  afterAll(() => t.close());

  /** Terminates every session on the test server's database and waits until each has ended. */
  async function terminateServerConnections(): Promise<number> {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      const database = new URL(t.database.url).pathname.slice(1);
      const result = await admin.query<{ ended: boolean }>(
        'select pg_terminate_backend(pid, 5000) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [database],
      );
      return result.rows.filter((row) => row.ended).length;
    } finally {
      await admin.end();
    }
  }

  it('keeps serving sends and history after its idle connections are terminated', async () => {
    const { client, provider, conversation } = await createProject(t);
    const before = await expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'before' }), 201);
    expect(await terminateServerConnections()).toBeGreaterThan(0);

    // The process is still alive and answering; then the pool reconnects and sends succeed again.
    const health = await t.api(null, 'GET', '/health');
    expect(health.status).toBe(200);
    const after = await expectStatus(t.api(provider.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'after' }), 201);
    expect(after.seq).toBe(before.seq + 1);
    const history = await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}/messages`), 200);
    expect(history.items.map((m: { text: string }) => m.text).slice(-2)).toEqual(['before', 'after']);
  });
});
