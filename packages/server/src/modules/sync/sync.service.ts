import type { Kysely } from 'kysely';
import type { Conversation, SyncChange, SyncPage, SyncQuery, User } from '@parley/protocol';
import type { Database } from '../../db/schema.js';
import { invalid } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../pagination.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import type { MessageViews } from '../messages/message-views.js';
import { findMessages } from '../messages/messages.repository.js';
import { currentPosition, listChangesFor, type ChangePosition, type ChangeRow } from './sync.repository.js';

/**
 * Catch-up for clients that were away (issue 4, guarantee 4: catch-up is the truth, push is the fast path):
 * every change in the caller's conversations after a cursor, from the conversations' change streams.
 */
export class SyncService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly views: MessageViews,
    private readonly conversations: Pick<ConversationsService, 'get'>,
  ) {}

  /**
   * `GET /api/sync`: up to `limit` changes after `since`, oldest first, with the cursor to ask from next.
   * Without `since`: no changes and a cursor for "now". Only conversations the caller participates in now
   * are read. Throws `VALIDATION_FAILED` (field `since`) for a cursor this server did not issue.
   */
  async changes(actor: User, query: SyncQuery): Promise<SyncPage> {
    if (!query.since) return { changes: [], cursor: encodePosition(await currentPosition(this.db)), hasMore: false };
    const rows = await listChangesFor(this.db, actor.id, decodePosition(query.since), query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { changes: await this.present(actor, page), cursor: last ? encodePosition(last) : query.since, hasMore: rows.length > query.limit };
  }

  /** Rows → the contract's changes, with their messages and the caller's view of changed conversations (one read each). */
  private async present(actor: User, rows: ChangeRow[]): Promise<SyncChange[]> {
    const messageIds = rows.flatMap((row) => (row.message_id ? [row.message_id] : []));
    const found = await findMessages(this.db, [...new Set(messageIds)]);
    const messages = new Map((await this.views.present(found, actor.id)).map((message) => [message.id, message]));
    const conversations = new Map<string, Promise<Conversation>>();
    const conversation = (id: string) => {
      const view = conversations.get(id) ?? this.conversations.get(actor.id, id);
      conversations.set(id, view);
      return view;
    };

    const changes: SyncChange[] = [];
    for (const row of rows) {
      const base = { conversationId: row.conversation_id, seq: row.seq, at: row.created_at };
      switch (row.kind) {
        case 'message.created':
        case 'message.edited':
        case 'message.deleted': {
          const message = row.message_id ? messages.get(row.message_id) : undefined;
          if (message) changes.push({ ...base, kind: row.kind, message });
          break;
        }
        case 'reaction.added':
        case 'reaction.removed': {
          const message = row.message_id ? messages.get(row.message_id) : undefined;
          if (message) changes.push({ ...base, kind: row.kind, userId: row.user_id ?? '', emoji: row.emoji ?? '', message });
          break;
        }
        case 'conversation.read':
          changes.push({ ...base, kind: row.kind, userId: row.user_id ?? '', lastReadSeq: row.value ?? 0 });
          break;
        case 'conversation.updated':
          changes.push({ ...base, kind: row.kind, conversation: await conversation(row.conversation_id) });
          break;
        case 'participant.removed':
          changes.push({ ...base, kind: row.kind, userId: row.user_id ?? '' });
          break;
        case 'participant.added':
          changes.push({ ...base, kind: row.kind, userId: row.user_id ?? '', conversation: await conversation(row.conversation_id) });
          break;
      }
    }
    return changes;
  }
}

/** A sync cursor: the opaque keyset cursor of `[tx, id]`. */
function encodePosition(position: ChangePosition): string {
  return encodeCursor([String(position.tx), String(position.id)]);
}

function decodePosition(cursor: string): ChangePosition {
  const [tx, id] = decodeCursor(cursor, 'since').map(Number);
  if (!Number.isSafeInteger(tx) || !Number.isSafeInteger(id) || tx === undefined || id === undefined) {
    throw invalid('since', 'is not a cursor this server issued');
  }
  return { tx, id };
}
