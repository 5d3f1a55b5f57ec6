import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../database.js';

/**
 * Full-text search over message text (issue 5, "Search"). Every message is indexed, deleted ones too;
 * the search query leaves out rows with `deleted_at` set. Frozen once released.
 *
 * SQLite: `messages_fts`, an FTS5 external-content table over `messages(text)` keyed by the messages'
 * rowid, so the text is stored once (SQLite docs, "FTS5 › External Content Tables"). Three triggers keep it
 * in step with inserts, text updates and deletes; existing rows are indexed by the `rebuild` command. The
 * tokenizer is `unicode61` with `remove_diacritics 0`: case folds across Unicode, accents count, as in
 * PostgreSQL's `simple` configuration below, so both dialects find the same words. `messages` has no
 * INTEGER PRIMARY KEY, and SQLite does not promise that `VACUUM` keeps such rowids: after a `VACUUM`, run
 * `insert into messages_fts(messages_fts) values ('rebuild')`.
 *
 * PostgreSQL: `messages.search_vector`, a stored generated `tsvector`, and the GIN index
 * `messages_search_idx` on it. The `simple` configuration lower-cases words and keeps them whole: no
 * stemming and no stop words, which belong to one language and would mangle names, product words and
 * messages in the other languages a marketplace's users write in. Adding the column rewrites `messages`
 * under an exclusive lock, which computes it for existing rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table messages add column search_vector tsvector generated always as (to_tsvector('simple'::regconfig, text)) stored`.execute(db);
    await sql`create index messages_search_idx on messages using gin (search_vector)`.execute(db);
    return;
  }
  await sql`
    create virtual table messages_fts using fts5(
      text, content = 'messages', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 0'
    )
  `.execute(db);
  await sql`
    create trigger messages_fts_insert after insert on messages begin
      insert into messages_fts (rowid, text) values (new.rowid, new.text);
    end
  `.execute(db);
  // An external-content table must be told the old values to remove (the 'delete' command).
  await sql`
    create trigger messages_fts_delete after delete on messages begin
      insert into messages_fts (messages_fts, rowid, text) values ('delete', old.rowid, old.text);
    end
  `.execute(db);
  await sql`
    create trigger messages_fts_update after update of text on messages begin
      insert into messages_fts (messages_fts, rowid, text) values ('delete', old.rowid, old.text);
      insert into messages_fts (rowid, text) values (new.rowid, new.text);
    end
  `.execute(db);
  await sql`insert into messages_fts (messages_fts) values ('rebuild')`.execute(db);
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index messages_search_idx`.execute(db);
    await sql`alter table messages drop column search_vector`.execute(db);
    return;
  }
  for (const trigger of ['messages_fts_insert', 'messages_fts_delete', 'messages_fts_update']) {
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table messages_fts`.execute(db);
}
