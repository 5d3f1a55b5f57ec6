import type { Report } from '@parley/protocol';
import type { ReportRow } from './reports.repository.js';

/** A report row → the contract's `Report`. */
export function presentReport(row: ReportRow): Report {
  return {
    id: row.id,
    messageId: row.message_id,
    conversationId: row.conversation_id,
    reporterId: row.reporter_id,
    reason: row.reason,
    note: row.note,
    status: row.status,
    action: row.action,
    messagePreview: row.message_preview,
    messageSenderId: row.message_sender_id,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}
