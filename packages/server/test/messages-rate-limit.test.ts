import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, type Actor } from './support/factories.js';
import { startTestServer, type ApiResponse, type TestServer } from './support/server.js';

/**
 * Per-user send limit (`PARLEY_SEND_RATE` per second, `PARLEY_SEND_BURST`; contract § Running it):
 * sends beyond the burst answer `429 RATE_LIMITED` with `Retry-After` (contract § Conventions) and store nothing.
 */
describe.each(dialects)('message send rate limit (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { PARLEY_SEND_RATE: '1', PARLEY_SEND_BURST: '3' } });
  });
  afterAll(() => t.close());

  const send = (actor: Actor, conversationId: string, body: unknown): Promise<ApiResponse> =>
    t.api(actor.token, 'POST', `/conversations/${conversationId}/messages`, body);

  async function storedTexts(conversationId: string): Promise<string[]> {
    const rows = await t.server.database.db
      .selectFrom('messages')
      .select('text')
      .where('conversation_id', '=', conversationId)
      .where('type', '<>', 'system')
      .orderBy('seq')
      .execute();
    return rows.map((row) => row.text);
  }

  function expectRateLimited(response: ApiResponse): void {
    expect(response.status).toBe(429);
    expect(response.body.error.code).toBe('RATE_LIMITED');
    expect(typeof response.body.error.message).toBe('string');
    const retryAfter = response.headers.get('retry-after');
    expect(retryAfter).not.toBeNull();
    // RFC 9110 § 10.2.3: delay-seconds, a non-negative integer (or an HTTP date).
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Never longer than refilling the whole burst: 3 sends at 1 per second.
    expect(Number(retryAfter)).toBeLessThanOrEqual(3);
  }

  it('accepts the burst, then answers 429 RATE_LIMITED with Retry-After and stores nothing more', async () => {
    const { client, conversation } = await createProject(t);
    for (const text of ['one', 'two', 'three']) await expectStatus(send(client, conversation.id, { text }), 201);
    const fourth = await send(client, conversation.id, { text: 'four', clientId: 'four' });
    expectRateLimited(fourth);
    expectRateLimited(await send(client, conversation.id, { text: 'five' }));
    expect(await storedTexts(conversation.id)).toEqual(['one', 'two', 'three']);
  });

  it('refuses concurrent sends beyond the burst, storing exactly the accepted ones with gap-free seqs', async () => {
    const { provider, conversation } = await createProject(t);
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => send(provider, conversation.id, { text: `burst ${i}` })));
    const accepted = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    expect(accepted).toHaveLength(3);
    expect(refused).toHaveLength(5);
    refused.forEach(expectRateLimited);
    expect(accepted.map((r) => r.body.seq).sort()).toEqual([2, 3, 4]);
    expect((await storedTexts(conversation.id)).sort()).toEqual(accepted.map((r) => r.body.text).sort());
  });

  it('limits each user on their own', async () => {
    const { client, provider, conversation } = await createProject(t);
    for (let i = 0; i < 3; i += 1) await expectStatus(send(client, conversation.id, { text: `client ${i}` }), 201);
    expectRateLimited(await send(client, conversation.id, { text: 'client over' }));
    const other = await send(provider, conversation.id, { text: 'provider still fine' });
    expect(other.status).toBe(201);
    expect(await storedTexts(conversation.id)).toEqual(['client 0', 'client 1', 'client 2', 'provider still fine']);
  });
});
