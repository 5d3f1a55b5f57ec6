import type { Conversation, ConversationListQuery, ConversationPage, User } from '@parley/protocol';
import type { Db } from '../../db/database.js';
import { invalid, notFound } from '../../errors.js';
import { presentConversation } from './conversations.presenter.js';
import {
  listConversationViews,
  listParticipantUsers,
  type ActivityCursor,
  type ConversationViewRow,
} from './conversations.repository.js';

/** Conversations as their participants see them (contract § Conversations and messages). */
export class ConversationsService {
  constructor(private readonly db: Db) {}

  /**
   * The caller's conversations, newest activity first, `limit` per page with an opaque `nextCursor`.
   * Archived ones only with `archived=true`. Throws `VALIDATION_FAILED` for a malformed cursor.
   */
  async list(actor: User, query: ConversationListQuery): Promise<ConversationPage> {
    const rows = await listConversationViews(this.db, actor.id, {
      archived: query.archived ?? false,
      ...(query.search ? { search: query.search } : {}),
      ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: await this.present(page), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
  }

  /** One conversation as `userId` sees it. Throws `NOT_FOUND` when they are not a participant. */
  async get(userId: string, conversationId: string): Promise<Conversation> {
    const [row] = await listConversationViews(this.db, userId, { onlyId: conversationId, limit: 1 });
    if (!row) throw notFound('conversation', conversationId);
    const [conversation] = await this.present([row]);
    if (!conversation) throw notFound('conversation', conversationId);
    return conversation;
  }

  private async present(rows: ConversationViewRow[]): Promise<Conversation[]> {
    const participants = await listParticipantUsers(
      this.db,
      rows.map((row) => row.id),
    );
    return rows.map((row) =>
      presentConversation(
        row,
        participants.filter((p) => p.conversation_id === row.id),
      ),
    );
  }
}

/** Opaque list cursor: base64url of `[lastMessageAt, id]` of the page's last conversation. */
function encodeCursor(row: { last_message_at: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.last_message_at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): ActivityCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { lastMessageAt: value[0], id: value[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw invalid('cursor', 'is not a cursor this server issued');
}
