import type { Db } from '../../db/database.js';
import { newId } from '../../ids.js';

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
