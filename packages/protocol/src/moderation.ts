import { z } from 'zod';
import { IdSchema, TimestampSchema, pageSchema } from './common.js';
import { ConversationStatusSchema } from './conversations.js';
import { RoleSchema } from './identity.js';

/** Why a message is reported (issue 5, "Reports"). */
export const ReportReasonSchema = z.enum(['spam', 'abuse', 'harassment', 'off_platform_contact', 'other']);
export type ReportReason = z.infer<typeof ReportReasonSchema>;

/** Where a report stands: `open` until an admin dismisses it or acts on it. */
export const ReportStatusSchema = z.enum(['open', 'dismissed', 'actioned']);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/** What an admin did about a report they acted on. */
export const ReportActionSchema = z.enum(['delete_message', 'lock_conversation']);
export type ReportAction = z.infer<typeof ReportActionSchema>;

/** A report of one message by one user. `messagePreview` is the reported text (≤ 100 code points), kept for review even once deleted. */
export const ReportSchema = z
  .object({
    id: IdSchema,
    messageId: IdSchema,
    conversationId: IdSchema,
    reporterId: IdSchema,
    reason: ReportReasonSchema,
    note: z.string().nullable(),
    status: ReportStatusSchema,
    action: ReportActionSchema.nullable(),
    messagePreview: z.string(),
    messageSenderId: IdSchema.nullable(),
    createdAt: TimestampSchema,
    resolvedAt: TimestampSchema.nullable(),
    resolvedBy: IdSchema.nullable(),
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof ReportSchema>;

/** `POST /api/messages/:id/reports` body; `note` up to 1000 code points. */
export const CreateReportBodySchema = z.object({
  reason: ReportReasonSchema,
  note: z
    .string()
    .trim()
    .refine((value) => [...value].length <= 1000, 'must be at most 1000 characters')
    .optional(),
});
export type CreateReportBody = z.infer<typeof CreateReportBodySchema>;

/** `GET /api/admin/reports` query: `status` filters (default: all), newest first. */
export const ReportListQuerySchema = z.object({
  status: ReportStatusSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ReportListQuery = z.infer<typeof ReportListQuerySchema>;

export const ReportPageSchema = pageSchema(ReportSchema);
export type ReportPage = z.infer<typeof ReportPageSchema>;

/** `PATCH /api/admin/reports/:id` body: dismiss, or act (`action` is required with `actioned` and refused with `dismissed`). */
export const ResolveReportBodySchema = z
  .object({ status: z.enum(['dismissed', 'actioned']), action: ReportActionSchema.optional() })
  .refine((body) => (body.status === 'actioned') === (body.action !== undefined), {
    message: 'action is required with actioned and not allowed with dismissed',
    path: ['action'],
  });
export type ResolveReportBody = z.infer<typeof ResolveReportBodySchema>;

/** A conversation as admins see it: no per-user state, with its project and how many take part. */
export const AdminConversationSchema = z
  .object({
    id: IdSchema,
    projectId: IdSchema,
    projectTitle: z.string(),
    kind: z.enum(['project', 'group']),
    title: z.string(),
    status: ConversationStatusSchema,
    participantCount: z.number().int(),
    lastSeq: z.number().int(),
    createdAt: TimestampSchema,
    lastMessageAt: TimestampSchema,
  })
  .meta({ id: 'AdminConversation' });
export type AdminConversation = z.infer<typeof AdminConversationSchema>;

/** `GET /api/admin/conversations` query: `search` matches titles, the project and participant names. */
export const AdminConversationListQuerySchema = z.object({
  search: z.string().trim().max(200).optional(),
  status: ConversationStatusSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AdminConversationListQuery = z.infer<typeof AdminConversationListQuerySchema>;

export const AdminConversationPageSchema = pageSchema(AdminConversationSchema);
export type AdminConversationPage = z.infer<typeof AdminConversationPageSchema>;

/** `PATCH /api/admin/conversations/:id/status` body. `read_only` is set only by closing the project. */
export const AdminConversationStatusBodySchema = z.object({ status: z.enum(['active', 'locked', 'archived']) });
export type AdminConversationStatusBody = z.infer<typeof AdminConversationStatusBodySchema>;

/** A participant as admins see them. */
export const AdminParticipantSchema = z.object({ userId: IdSchema, name: z.string(), role: RoleSchema, joinedAt: TimestampSchema, lastReadSeq: z.number().int() });
export const AdminParticipantListSchema = z.object({ items: z.array(AdminParticipantSchema) });
export type AdminParticipantList = z.infer<typeof AdminParticipantListSchema>;

/** One audit log entry: who did what, where, with the action's details; names as they are now, for display. */
export const AuditEntrySchema = z
  .object({
    id: IdSchema,
    actorId: IdSchema,
    actorName: z.string(),
    action: z.string(),
    conversationId: IdSchema.nullable(),
    /** The conversation's title now; null when the entry names no conversation. */
    conversationTitle: z.string().nullable(),
    messageId: IdSchema.nullable(),
    details: z.record(z.string(), z.unknown()),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `GET /api/admin/audit` query, newest first. */
export const AuditListQuerySchema = z.object({
  actorId: IdSchema.optional(),
  conversationId: IdSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

export const AuditPageSchema = pageSchema(AuditEntrySchema);
export type AuditPage = z.infer<typeof AuditPageSchema>;
