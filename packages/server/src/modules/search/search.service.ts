import type { Kysely } from 'kysely';
import type { SearchMessagesQuery, SearchPage, User } from '@parley/protocol';
import type { Database } from '../../db/schema.js';
import { invalid } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../pagination.js';
import { requireParticipant } from '../conversations/conversations.access.js';
import type { MessageViews } from '../messages/message-views.js';
import { presentMessage } from '../messages/messages.presenter.js';
import { presentSearchHit } from './search.presenter.js';
import { findHits, findScore, findSnippets, type SearchFilter, type SearchPosition } from './search.repository.js';

/**
 * Message search (issue 5, "Search"): full-text search over the text of the messages in the caller's
 * conversations, FTS5 on SQLite and a `tsvector` on PostgreSQL (migration `20261121060000-search`).
 */
export class SearchService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly views: MessageViews,
  ) {}

  /**
   * `GET /api/search/messages`: up to `limit` hits for `q`, best match first and then newest, keyset-paged.
   * Only conversations the caller takes part in are searched, only `conversationId` when given; deleted
   * messages never match. Throws `NOT_FOUND` when `conversationId` does not exist or the caller is not in
   * it, and `VALIDATION_FAILED` (field `cursor`) for a cursor this server did not issue.
   */
  async searchMessages(actor: User, query: SearchMessagesQuery): Promise<SearchPage> {
    if (query.conversationId !== undefined) await requireParticipant(this.db, query.conversationId, actor.id);
    const filter: SearchFilter = { userId: actor.id, text: query.q, conversationId: query.conversationId };
    const after = query.cursor === undefined ? undefined : await this.resume(query.q, query.cursor);
    const rows = await findHits(this.db, filter, { after, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const snippets = await findSnippets(this.db, query.q, page.map((row) => row.id));
    const messages = await this.views.present(page, actor.id);
    const last = page.at(-1);
    return {
      items: page.map((row, index) => presentSearchHit(row, messages[index] ?? presentMessage(row), snippets.get(row.id))),
      nextCursor: rows.length > query.limit && last ? encodeCursor([String(last.score), last.id]) : null,
    };
  }

  /**
   * The position a cursor `[score, id]` stands for. The last hit's score is computed anew when it still
   * matches, because on SQLite every score drifts as the index grows (bm25 uses whole-index statistics)
   * while the order barely moves; the score in the cursor serves when it no longer matches.
   */
  private async resume(text: string, cursor: string): Promise<SearchPosition> {
    const [key, id] = decodeCursor(cursor);
    const stored = Number(key);
    if (key === '' || !Number.isFinite(stored)) throw invalid('cursor', 'is not a cursor this server issued');
    return { score: (await findScore(this.db, text, id)) ?? stored, id };
  }
}
