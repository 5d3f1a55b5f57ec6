import type { ReportAction, ReportReason, ReportStatus } from '@parley/protocol';

/** `reports`: unique on `(message_id, reporter_id)`; `message_preview` keeps the reported text as it was. */
export interface ReportsTable {
  id: string;
  message_id: string;
  conversation_id: string;
  reporter_id: string;
  reason: ReportReason;
  note: string | null;
  status: ReportStatus;
  action: ReportAction | null;
  message_preview: string;
  message_sender_id: string | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}
