import type { AttachmentsTable } from '../modules/attachments/attachments.table.js';
import type { MeetingParticipantsTable, MeetingsTable } from '../modules/meetings/meetings.table.js';
import type { ConversationsTable, ParticipantsTable } from '../modules/conversations/conversations.table.js';
import type { UsersTable } from '../modules/identity/identity.table.js';
import type { ProjectMembersTable, ProjectsTable, ProposalsTable, RequestsTable } from '../modules/marketplace/marketplace.table.js';
import type { AuditLogTable } from '../modules/audit/audit.table.js';
import type { ConversationPinsTable, MessageEditsTable, MessageReactionsTable, MessagesTable } from '../modules/messages/messages.table.js';
import type { ReportsTable } from '../modules/moderation/reports.table.js';
import type { NotificationsTable } from '../modules/notifications/notifications.table.js';
import type { ConversationChangesTable } from '../modules/sync/sync.table.js';

/** Every table Kysely knows, by name. Rows are snake_case; presenters map them to camelCase DTOs. */
export interface Database {
  users: UsersTable;
  requests: RequestsTable;
  proposals: ProposalsTable;
  projects: ProjectsTable;
  project_members: ProjectMembersTable;
  conversations: ConversationsTable;
  conversation_participants: ParticipantsTable;
  messages: MessagesTable;
  notifications: NotificationsTable;
  conversation_changes: ConversationChangesTable;
  message_edits: MessageEditsTable;
  message_reactions: MessageReactionsTable;
  audit_log: AuditLogTable;
  reports: ReportsTable;
  conversation_pins: ConversationPinsTable;
  attachments: AttachmentsTable;
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
}
