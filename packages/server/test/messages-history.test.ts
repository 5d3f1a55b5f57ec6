import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, signIn, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

/** `[from, from + 1, …, to]`. */
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Total messages in the shared conversation: the system message (seq 1) and 129 sent ones. */
const TOTAL = 130;

/**
 * `GET /api/conversations/:id/messages?before=&after=&limit=` (contract § Conversations and messages):
 * `{items, hasMore}`, items ascending by seq, newest page by default, limit 1..100 (default 50).
 */
describe.each(dialects)('message history (%s)', (dialect) => {
  let t: TestServer;
  let reader: Actor;
  let conversationId: string;
  /** Text of each seq as sent, to check that pages carry the right rows. */
  const textBySeq = new Map<number, string>();

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    const { client, provider, conversation } = await createProject(t);
    reader = provider;
    conversationId = conversation.id;
    for (let i = 2; i <= TOTAL; i += 1) {
      const actor = i % 3 === 0 ? provider : client;
      const sent = await expectStatus(t.api(actor.token, 'POST', `/conversations/${conversationId}/messages`, { text: `message #${i}` }), 201);
      textBySeq.set(sent.seq, sent.text);
    }
  });
  afterAll(() => t.close());

  async function page(query: string): Promise<{ seqs: number[]; hasMore: boolean; items: { seq: number; text: string }[] }> {
    const body = await expectStatus(t.api(reader.token, 'GET', `/conversations/${conversationId}/messages${query}`), 200);
    return { seqs: body.items.map((m: { seq: number }) => m.seq), hasMore: body.hasMore, items: body.items };
  }

  it('returns the newest 50, ascending, with hasMore, when no cursor is given', async () => {
    const { seqs, hasMore, items } = await page('');
    expect(seqs).toEqual(range(TOTAL - 49, TOTAL));
    expect(hasMore).toBe(true);
    for (const item of items) expect(item.text).toBe(textBySeq.get(item.seq));
  });

  it('honours limit on the newest page', async () => {
    expect((await page('?limit=7')).seqs).toEqual(range(TOTAL - 6, TOTAL));
    expect((await page('?limit=1')).seqs).toEqual([TOTAL]);
    const all = await page('?limit=100');
    expect(all.seqs).toEqual(range(TOTAL - 99, TOTAL));
    expect(all.hasMore).toBe(true);
  });

  it('pages backwards with before until hasMore is false, visiting every message once', async () => {
    for (const limit of [50, 13, 1]) {
      let current = await page(`?limit=${limit}`);
      const visited: number[] = [...current.seqs];
      let pages = 1;
      while (current.hasMore) {
        const oldest = current.seqs[0];
        expect(oldest).toBeDefined();
        current = await page(`?before=${oldest}&limit=${limit}`);
        expect(current.seqs.length).toBeGreaterThan(0);
        expect(current.seqs.length).toBeLessThanOrEqual(limit);
        expect(current.seqs).toEqual([...current.seqs].sort((a, b) => a - b));
        expect(current.seqs.every((seq) => seq < (oldest ?? 0))).toBe(true);
        visited.unshift(...current.seqs);
        pages += 1;
        expect(pages).toBeLessThanOrEqual(TOTAL + 1);
      }
      expect(visited).toEqual(range(1, TOTAL));
      expect(pages).toBe(Math.ceil(TOTAL / limit));
    }
  });

  it('returns exactly the messages just below before', async () => {
    const { seqs, hasMore } = await page('?before=60&limit=10');
    expect(seqs).toEqual(range(50, 59));
    expect(hasMore).toBe(true);
    const first = await page('?before=4&limit=10');
    expect(first.seqs).toEqual([1, 2, 3]);
    expect(first.hasMore).toBe(false);
    const none = await page('?before=1');
    expect(none.seqs).toEqual([]);
    expect(none.hasMore).toBe(false);
  });

  it('returns exactly the messages with seq > after, ascending, limit respected', async () => {
    const cases: { after: number; limit?: number; seqs: number[]; hasMore: boolean }[] = [
      { after: 0, limit: 100, seqs: range(1, 100), hasMore: true },
      { after: 100, limit: 100, seqs: range(101, TOTAL), hasMore: false },
      { after: 125, limit: 3, seqs: [126, 127, 128], hasMore: true },
      { after: TOTAL - 5, limit: 5, seqs: range(TOTAL - 4, TOTAL), hasMore: false },
      { after: 70, seqs: range(71, 120), hasMore: true },
      { after: TOTAL, seqs: [], hasMore: false },
      { after: TOTAL + 50, seqs: [], hasMore: false },
    ];
    for (const c of cases) {
      const result = await page(`?after=${c.after}${c.limit === undefined ? '' : `&limit=${c.limit}`}`);
      expect({ after: c.after, seqs: result.seqs, hasMore: result.hasMore }).toEqual({ after: c.after, seqs: c.seqs, hasMore: c.hasMore });
    }
  });

  it('pages forwards with after until hasMore is false, visiting every message once', async () => {
    const visited: number[] = [];
    let after = 0;
    let hasMore = true;
    while (hasMore) {
      const current = await page(`?after=${after}&limit=17`);
      visited.push(...current.seqs);
      hasMore = current.hasMore;
      after = current.seqs.at(-1) ?? after;
      expect(visited.length).toBeLessThanOrEqual(TOTAL);
    }
    expect(visited).toEqual(range(1, TOTAL));
  });

  it.each(['0', '101', '-1', '2.5', 'ten'])('refuses limit=%s with 400 VALIDATION_FAILED naming limit', async (limit) => {
    const response = await t.api(reader.token, 'GET', `/conversations/${conversationId}/messages?limit=${limit}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.body.error.details)).toContain('limit');
  });

  it('refuses a non-numeric before or after with 400', async () => {
    for (const query of ['?before=abc', '?after=abc']) {
      const response = await t.api(reader.token, 'GET', `/conversations/${conversationId}/messages${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('hides the history, even with after=0, from non-participants', async () => {
    const outsider = await signIn(t, { role: 'provider' });
    const denied = await t.api(outsider.token, 'GET', `/conversations/${conversationId}/messages?after=0`);
    expect(denied.status).toBe(404);
    expect(denied.body.error.code).toBe('NOT_FOUND');
    expect(JSON.stringify(denied.body)).not.toContain('message #');
  });
});
