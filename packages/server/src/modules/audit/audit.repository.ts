import type { Db } from '../../db/database.js';
import { newId } from '../../ids.js';
import { olderThanCursor } from '../../pagination.js';
import type { AuditLogTable } from './audit.table.js';

/** What the audit log records; `details` is stored as JSON. */
export interface AuditEntry {
  actorId: string;
  action: 'message.edited' | 'message.deleted' | 'report.resolved' | 'conversation.status';
  conversationId: string | null;
  messageId: string | null;
  details: Record<string, unknown>;
  at: string;
}

/** Appends an entry to the audit log, inside the caller's transaction (so it exists exactly when the change does). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      actor_id: entry.actorId,
      action: entry.action,
      conversation_id: entry.conversationId,
      message_id: entry.messageId,
      details: JSON.stringify(entry.details),
      created_at: entry.at,
    })
    .execute();
}

/** An audit row with its actor's name and its conversation's title as they are now (null when gone or none). */
export type AuditRow = AuditLogTable & { actor_name: string | null; conversation_title: string | null };

/** The audit log newest first by `(created_at, id)`, after `cursor`, optionally by actor or conversation. */
export function listAuditEntries(
  db: Db,
  filter: { actorId?: string | undefined; conversationId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<AuditRow[]> {
  let select = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('conversations as c', 'c.id', 'a.conversation_id')
    .selectAll('a')
    .select(['u.name as actor_name', 'c.title as conversation_title']);
  if (filter.actorId) select = select.where('a.actor_id', '=', filter.actorId);
  if (filter.conversationId) select = select.where('a.conversation_id', '=', filter.conversationId);
  if (filter.cursor) select = select.where(olderThanCursor(filter.cursor, 'a'));
  return select.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(filter.limit).execute();
}
