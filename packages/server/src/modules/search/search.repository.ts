import { sql, type RawBuilder } from 'kysely';
import { isPostgres, type Db } from '../../db/database.js';
import type { MessageRow } from '../messages/messages.repository.js';

// The full-text index is not in `db/schema.ts`: SQLite's `messages_fts` and PostgreSQL's
// `messages.search_vector` (migration 20261121060000-search) are reached through raw SQL only.

/**
 * Marks the start of a matched word in a snippet from {@link findSnippets}: STX, a control character people
 * do not type (a marker sent inside a message is dropped by the presenter, at worst moving a highlight).
 */
export const MARK_START = '\u0002';
/** Marks the end of a matched word in a snippet from {@link findSnippets}: ETX. */
export const MARK_END = '\u0003';

/** About how many words a snippet holds (FTS5 `snippet()` tokens, `ts_headline` MaxWords). */
const SNIPPET_WORDS = 20;

/** A matched message and its relevance: higher `score` is better (negated bm25 on SQLite, `ts_rank` on PostgreSQL). */
export type SearchHitRow = MessageRow & { score: number };

/** A keyset position in a result list: after `score`, or at `score` with a smaller id (older). */
export interface SearchPosition {
  score: number;
  id: string;
}

/** What to search: `text` as the user typed it, in the conversations `userId` takes part in (or only `conversationId`). */
export interface SearchFilter {
  userId: string;
  text: string;
  conversationId?: string | undefined;
}

/**
 * Up to `limit` messages matching `filter.text` in the user's conversations, best `score` first and then
 * newest (`id` desc), after `after` (keyset, never OFFSET). Deleted messages are left out. Text without a
 * letter or digit matches nothing.
 */
export async function findHits(db: Db, filter: SearchFilter, opts: { after?: SearchPosition | undefined; limit: number }): Promise<SearchHitRow[]> {
  const fts = matcher(db, filter.text);
  if (!fts) return [];
  const conditions = [fts.match, sql`m.deleted_at is null`];
  if (filter.conversationId !== undefined) conditions.push(sql`m.conversation_id = ${filter.conversationId}`);
  if (opts.after) {
    const { score, id } = opts.after;
    conditions.push(sql`(${fts.score} < ${score} or (${fts.score} = ${score} and m.id < ${id}))`);
  }
  const { rows } = await sql<SearchHitRow>`
    select m.*, ${fts.score} as score
    from ${fts.from}
    join conversation_participants p on p.conversation_id = m.conversation_id and p.user_id = ${filter.userId}
    where ${sql.join(conditions, sql` and `)}
    order by score desc, m.id desc
    limit ${opts.limit}
  `.execute(db);
  return rows;
}

/**
 * The `score` message `messageId` has now for `text`, deleted or not; undefined when it does not match
 * (any more). Used to find a cursor's place again: SQLite's bm25 weighs each match against statistics of
 * the whole index, so the scores of all messages drift as messages arrive.
 */
export async function findScore(db: Db, text: string, messageId: string): Promise<number | undefined> {
  const fts = matcher(db, text);
  if (!fts) return undefined;
  const { rows } = await sql<{ score: number }>`select ${fts.score} as score from ${fts.from} where ${fts.match} and m.id = ${messageId}`.execute(db);
  return rows[0]?.score;
}

/**
 * An excerpt of each of `messageIds`' text around its matches for `text`, about 20 words, the matched
 * words wrapped in {@link MARK_START} and {@link MARK_END}: FTS5 `snippet()` on SQLite, `ts_headline` on
 * PostgreSQL. Asked for the messages of one page only, since both read the whole text again.
 */
export async function findSnippets(db: Db, text: string, messageIds: string[]): Promise<Map<string, string>> {
  const fts = matcher(db, text);
  if (!fts || messageIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; snippet: string }>`
    select m.id, ${fts.snippet} as snippet from ${fts.from}
    where ${fts.match} and m.id in (${sql.join(messageIds)})
  `.execute(db);
  return new Map(rows.map((row) => [row.id, row.snippet]));
}

/** The dialect's pieces of a search: the FROM clause (messages as `m`), the match condition, the score and the snippet. */
interface Matcher {
  from: RawBuilder<unknown>;
  match: RawBuilder<unknown>;
  score: RawBuilder<number>;
  snippet: RawBuilder<string>;
}

/** Words as FTS5's `unicode61` tokenizer sees them: runs of letters, digits and marks; anything else separates. */
const WORDS = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** A word worth looking for has a letter or a digit. */
const WORD = /[\p{L}\p{N}]/u;

/** The dialect's pieces, or undefined when `text` has no word to look for (PostgreSQL would warn about an empty query). */
function matcher(db: Db, text: string): Matcher | undefined {
  const words = (text.match(WORDS) ?? []).filter((word) => WORD.test(word));
  if (words.length === 0) return undefined;
  return isPostgres(db) ? postgresMatcher(text) : sqliteMatcher(words);
}

/**
 * FTS5 against `messages_fts`. The user's words become a safe FTS5 query: each word is a quoted string,
 * which FTS5 never reads as syntax (`OR`, `NEAR`, `AND`, `NOT` are words; `*`, `-`, `:`, `^`, quotes and
 * parentheses never reach it, being separators), the words are ANDed, and the last one is a prefix
 * (`"word"*`). Score: `-bm25()`, so higher is better as on PostgreSQL (SQLite docs, "FTS5 › bm25").
 */
function sqliteMatcher(words: string[]): Matcher {
  const query = words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
  return {
    from: sql`messages_fts join messages m on m.rowid = messages_fts.rowid`,
    match: sql`messages_fts match ${query}`,
    score: sql<number>`-bm25(messages_fts)`,
    snippet: sql<string>`snippet(messages_fts, 0, ${MARK_START}, ${MARK_END}, '', ${SNIPPET_WORDS})`,
  };
}

/**
 * `tsvector` search against `messages.search_vector` (configuration `simple`, as indexed). The text goes
 * through `plainto_tsquery`, which ignores every operator and ANDs the words; `:*` is then added to its
 * last word, so the last word is a prefix. The tsquery's text form quotes each lexeme, so the cast back is
 * exact (PostgreSQL docs, "Text Search Types" and "Parsing Queries"). Score: `ts_rank` as float8, so it
 * survives a trip through a cursor exactly.
 */
function postgresMatcher(text: string): Matcher {
  const headline = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=${SNIPPET_WORDS}, MinWords=${SNIPPET_WORDS / 2}, ShortWord=0`;
  return {
    from: sql`messages m cross join (
      select coalesce((nullif(words::text, '') || ':*')::tsquery, words) as query from plainto_tsquery('simple', ${text}) as words
    ) q`,
    match: sql`m.search_vector @@ q.query`,
    score: sql<number>`ts_rank(m.search_vector, q.query)::float8`,
    snippet: sql<string>`ts_headline('simple', m.text, q.query, ${headline})`,
  };
}
