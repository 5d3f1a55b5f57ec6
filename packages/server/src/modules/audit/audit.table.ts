/**
 * `audit_log`: append-only; never updated or deleted. `action` names what happened (`message.edited`,
 * `message.deleted`, …); `details` is a JSON object with what the action needs to be understood later.
 */
export interface AuditLogTable {
  id: string;
  actor_id: string;
  action: string;
  conversation_id: string | null;
  message_id: string | null;
  details: string;
  created_at: string;
}
