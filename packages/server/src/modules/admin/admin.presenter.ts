import type { AdminConversation, AuditEntry } from '@parley/protocol';
import type { AuditRow } from '../audit/audit.repository.js';
import type { AdminConversationRow } from './admin.repository.js';

/** An audit row → the contract's `AuditEntry`; an actor no longer known is named by their id. */
export function presentAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    actorId: row.actor_id,
    actorName: row.actor_name ?? row.actor_id,
    action: row.action,
    conversationId: row.conversation_id,
    conversationTitle: row.conversation_title,
    messageId: row.message_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

export function presentAdminConversation(row: AdminConversationRow): AdminConversation {
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
