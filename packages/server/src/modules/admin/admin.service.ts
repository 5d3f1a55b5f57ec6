import type { Kysely } from 'kysely';
import type {
  AdminConversation,
  AdminConversationListQuery,
  AdminConversationPage,
  AdminConversationStatusBody,
  AdminParticipantList,
  AuditListQuery,
  AuditPage,
  HistoryPage,
  HistoryQuery,
  User,
} from '@parley/protocol';
import type { Database } from '../../db/schema.js';
import { conflict, notFound } from '../../errors.js';
import { nowIso } from '../../ids.js';
import { decodeCursor, encodeCursor, newestFirstPage, olderThanCursor } from '../../pagination.js';
import { recordAudit } from '../audit/audit.repository.js';
import { listParticipantIds } from '../conversations/conversations.repository.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { presentMessages } from '../messages/message-views.js';
import { readHistoryPage } from '../messages/messages.service.js';
import { appendChange } from '../sync/sync.repository.js';
import { requireAdmin } from './admin.access.js';
import { listAdminConversations, type AdminConversationRow } from './admin.repository.js';

/**
 * Admin endpoints (issue 5, "Admin endpoints" and "Audit log"): every conversation, its status, participants
 * and full history (deleted messages' text included, for review), and the audit log. Every method throws
 * `FORBIDDEN` for non-admins; every admin change is audited.
 */
export class AdminService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly conversations: Pick<ConversationsService, 'announceUpdate'>,
  ) {}

  /** All conversations, newest activity first; `search` matches titles, the project and participant names. */
  async listConversations(actor: User, query: AdminConversationListQuery): Promise<AdminConversationPage> {
    requireAdmin(actor);
    const rows = await listAdminConversations(this.db, {
      ...(query.search ? { search: query.search } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.cursor ? { after: toActivity(decodeCursor(query.cursor)) } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: page.map(presentAdminConversation), nextCursor: rows.length > query.limit && last ? encodeCursor([last.last_message_at, last.id]) : null };
  }

  /**
   * Sets a conversation's status: `locked` refuses sends, edits and reactions with `409 CONVERSATION_LOCKED`,
   * `archived` makes it read-only, `active` opens it again (only while its project is active, else
   * `409 PROJECT_NOT_ACTIVE`). Participants hear `conversation:updated`; the change is in the change stream and
   * the audit log. Throws `NOT_FOUND`.
   */
  async setStatus(actor: User, conversationId: string, body: AdminConversationStatusBody): Promise<AdminConversation> {
    requireAdmin(actor);
    const before = await this.requireConversation(conversationId);
    if (before.status === body.status) return presentAdminConversation(before);
    const project = await this.db.selectFrom('projects').select('status').where('id', '=', before.project_id).executeTakeFirst();
    if (body.status === 'active' && project?.status !== 'active') throw conflict('PROJECT_NOT_ACTIVE', 'Its project is closed: the conversation stays read-only');

    const at = nowIso();
    const participantIds = await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('conversations').set({ status: body.status }).where('id', '=', conversationId).execute();
      await appendChange(trx, { conversation_id: conversationId, kind: 'conversation.updated', user_id: actor.id, created_at: at });
      await recordAudit(trx, { actorId: actor.id, action: 'conversation.status', conversationId, messageId: null, details: { from: before.status, to: body.status }, at });
      return listParticipantIds(trx, conversationId);
    });
    await this.conversations.announceUpdate(conversationId, participantIds);
    return presentAdminConversation(await this.requireConversation(conversationId));
  }

  /** A conversation's participants with their roles, join times and read positions. */
  async participants(actor: User, conversationId: string): Promise<AdminParticipantList> {
    requireAdmin(actor);
    await this.requireConversation(conversationId);
    const rows = await this.db
      .selectFrom('conversation_participants as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.user_id', 'u.name', 'u.role', 'p.joined_at', 'p.last_read_seq'])
      .where('p.conversation_id', '=', conversationId)
      .orderBy('p.joined_at')
      .orderBy('p.user_id')
      .execute();
    return { items: rows.map((row) => ({ userId: row.user_id, name: row.name, role: row.role, joinedAt: row.joined_at, lastReadSeq: row.last_read_seq })) };
  }

  /** A page of any conversation's history (as `GET …/messages`), deleted messages with their text, for review. */
  async messages(actor: User, conversationId: string, query: HistoryQuery): Promise<HistoryPage> {
    requireAdmin(actor);
    await this.requireConversation(conversationId);
    const { rows, hasMore } = await readHistoryPage(this.db, conversationId, query);
    const messages = await presentMessages(this.db, rows, actor.id);
    return { items: messages.map((message, index) => ({ ...message, text: rows[index]?.text ?? message.text })), hasMore };
  }

  /** The audit log, newest first, optionally by actor or conversation. */
  async audit(actor: User, query: AuditListQuery): Promise<AuditPage> {
    requireAdmin(actor);
    let select = this.db.selectFrom('audit_log').selectAll();
    if (query.actorId) select = select.where('actor_id', '=', query.actorId);
    if (query.conversationId) select = select.where('conversation_id', '=', query.conversationId);
    if (query.cursor) select = select.where(olderThanCursor(query.cursor));
    const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
    return newestFirstPage(rows, query.limit, (row) => ({
      id: row.id,
      actorId: row.actor_id,
      action: row.action,
      conversationId: row.conversation_id,
      messageId: row.message_id,
      details: JSON.parse(row.details) as Record<string, unknown>,
      createdAt: row.created_at,
    }));
  }

  private async requireConversation(conversationId: string): Promise<AdminConversationRow> {
    const [row] = await listAdminConversations(this.db, { onlyId: conversationId, limit: 1 });
    if (!row) throw notFound('conversation', conversationId);
    return row;
  }
}

function presentAdminConversation(row: AdminConversationRow): AdminConversation {
  return {
    id: row.id,
    projectId: row.project_id,
    projectTitle: row.project_title,
    kind: row.kind,
    title: row.title,
    status: row.status,
    participantCount: Number(row.participant_count ?? 0),
    lastSeq: row.last_seq,
    createdAt: row.created_at,
    lastMessageAt: row.last_message_at,
  };
}

const toActivity = ([lastMessageAt, id]: readonly [string, string]) => ({ lastMessageAt, id });
