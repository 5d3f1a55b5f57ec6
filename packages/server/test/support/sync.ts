import type { SyncChange } from '@parley/protocol';
import { expectStatus, type Actor } from './factories.js';
import type { TestServer } from './server.js';

/** Every change after `since` (`GET /api/sync`, page by page), the last cursor and the number of pages read. */
export async function drainSync(t: TestServer, actor: Actor, since: string, limit = 100): Promise<{ changes: SyncChange[]; cursor: string; pages: number }> {
  const changes: SyncChange[] = [];
  let cursor = since;
  let pages = 0;
  for (;;) {
    const page = await expectStatus(t.api(actor.token, 'GET', `/sync?since=${encodeURIComponent(cursor)}&limit=${limit}`), 200);
    pages += 1;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor, pages };
  }
}

/**
 * {@link drainSync} again until `ready` holds (at most 5 s), then its last result. On PostgreSQL a change
 * reaches /api/sync once every older transaction on the server has ended, and other test files' databases
 * share that server: a change can lag behind its commit by a moment, never be skipped.
 */
export async function drainSyncUntil(
  t: TestServer,
  actor: Actor,
  since: string,
  ready: (changes: SyncChange[]) => boolean,
  limit = 100,
): Promise<{ changes: SyncChange[]; cursor: string; pages: number }> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const result = await drainSync(t, actor, since, limit);
    if (ready(result.changes) || Date.now() > deadline) return result;
  }
}
