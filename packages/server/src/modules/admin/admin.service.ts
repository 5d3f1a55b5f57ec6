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
import { decodeCursor, encodeCursor, newestFirstPage } from '../../pagination.js';
import { listAuditEntries, recordAudit } from '../audit/audit.repository.js';
import { listParticipantIds } from '../conversations/conversations.repository.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { findProject } from '../marketplace/projects.repository.js';
import type { MessageViews } from '../messages/message-views.js';
import { presentMessage } from '../messages/messages.presenter.js';
import { appendSystemMessage } from '../messages/system-messages.js';
import { readHistoryPage } from '../messages/messages.service.js';
import { appendChange } from '../sync/sync.repository.js';
import { requireAdmin } from './admin.access.js';
import { presentAdminConversation, presentAuditEntry } from './admin.presenter.js';
import { listAdminConversations, listAdminParticipants, setConversationStatus, type AdminConversationRow } from './admin.repository.js';

/** The `system` message an admin's status change writes into the conversation. */
const STATUS_LINES: Record<AdminConversationStatusBody['status'], string> = {
  locked: 'An administrator locked this conversation. Messages can be read but not sent.',
  archived: 'An administrator archived this conversation. It is read-only.',
  active: 'An administrator reopened this conversation.',
};

/**
 * Admin endpoints (issue 5, "Admin endpoints" and "Audit log"): every conversation, its status, participants
 * and full history (deleted messages' text included, for review), and the audit log. Every method throws
 * `FORBIDDEN` for non-admins; every admin change is audited.
 */
export class AdminService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly views: MessageViews,
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

  /** One conversation as the admin list shows it. Throws `FORBIDDEN` and `NOT_FOUND`. */
  async conversation(actor: User, conversationId: string): Promise<AdminConversation> {
    requireAdmin(actor);
    return presentAdminConversation(await this.requireConversation(conversationId));
  }

  /**
   * Sets a conversation's status: `locked` refuses sends, edits and reactions with `409 CONVERSATION_LOCKED`,
   * `archived` makes it read-only, `active` opens it again (only while its project is active, else
   * `409 PROJECT_NOT_ACTIVE`). A `system` message says so in the conversation; participants hear
   * `conversation:updated` and `message:new`; the change is in the change stream and the audit log. Throws `NOT_FOUND`.
   */
  async setStatus(actor: User, conversationId: string, body: AdminConversationStatusBody): Promise<AdminConversation> {
    requireAdmin(actor);
    const before = await this.requireConversation(conversationId);
    if (before.status === body.status) return presentAdminConversation(before);
    const project = await findProject(this.db, before.project_id);
    if (body.status === 'active' && project?.status !== 'active') throw conflict('PROJECT_NOT_ACTIVE', 'Its project is closed: the conversation stays read-only');

    const at = nowIso();
    const { participantIds, message } = await this.db.transaction().execute(async (trx) => {
      await setConversationStatus(trx, conversationId, body.status);
      await appendChange(trx, { conversation_id: conversationId, kind: 'conversation.updated', user_id: actor.id, created_at: at });
      const message = await appendSystemMessage(trx, conversationId, STATUS_LINES[body.status], at);
      await recordAudit(trx, { actorId: actor.id, action: 'conversation.status', conversationId, messageId: null, details: { from: before.status, to: body.status }, at });
      return { participantIds: await listParticipantIds(trx, conversationId), message };
    });
    await this.conversations.announceUpdate(conversationId, participantIds, [presentMessage(message)]);
    return presentAdminConversation(await this.requireConversation(conversationId));
  }

  /** A conversation's participants with their roles, join times and read positions. */
  async participants(actor: User, conversationId: string): Promise<AdminParticipantList> {
    requireAdmin(actor);
    await this.requireConversation(conversationId);
    const rows = await listAdminParticipants(this.db, conversationId);
    return { items: rows.map((row) => ({ userId: row.user_id, name: row.name, role: row.role, joinedAt: row.joined_at, lastReadSeq: row.last_read_seq })) };
  }

  /** A page of any conversation's history (as `GET …/messages`), deleted messages with their text, for review. */
  async messages(actor: User, conversationId: string, query: HistoryQuery): Promise<HistoryPage> {
    requireAdmin(actor);
    await this.requireConversation(conversationId);
    const { rows, hasMore } = await readHistoryPage(this.db, conversationId, query);
    const messages = await this.views.present(rows, actor.id);
    return { items: messages.map((message, index) => ({ ...message, text: rows[index]?.text ?? message.text })), hasMore };
  }

  /** The audit log, newest first, optionally by actor or conversation. */
  async audit(actor: User, query: AuditListQuery): Promise<AuditPage> {
    requireAdmin(actor);
    const rows = await listAuditEntries(this.db, { actorId: query.actorId, conversationId: query.conversationId, cursor: query.cursor, limit: query.limit + 1 });
    return newestFirstPage(rows, query.limit, presentAuditEntry);
  }

  private async requireConversation(conversationId: string): Promise<AdminConversationRow> {
    const [row] = await listAdminConversations(this.db, { onlyId: conversationId, limit: 1 });
    if (!row) throw notFound('conversation', conversationId);
    return row;
  }
}

const toActivity = ([lastMessageAt, id]: readonly [string, string]) => ({ lastMessageAt, id });
