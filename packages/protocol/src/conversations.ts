import { z } from 'zod';
import { IdSchema, boundedText, QueryBooleanSchema, TimestampInputSchema, TimestampSchema, pageSchema } from './common.js';
import { RoleSchema } from './identity.js';
import { MessageTypeSchema } from './messages.js';

export const ConversationKindSchema = z.enum(['project', 'group']);
export const ConversationStatusSchema = z.enum(['active', 'read_only', 'locked', 'archived']);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

/**
 * A participant; `lastReadSeq` is their read position, so clients can show read receipts from the start.
 * `online` is true while they have at least one connected socket; `lastSeenAt` is when their last socket
 * disconnected (null if never), kept current afterwards by `presence:update` (contract § Realtime).
 */
export const ParticipantSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  role: RoleSchema,
  lastReadSeq: z.number().int(),
  online: z.boolean(),
  lastSeenAt: TimestampSchema.nullable(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** The newest message of a conversation; `preview` is its text cut to 100 code points. */
export const LastMessageSchema = z.object({
  id: IdSchema,
  seq: z.number().int(),
  senderId: IdSchema.nullable(),
  type: MessageTypeSchema,
  preview: z.string(),
  createdAt: TimestampSchema,
});

/**
 * A conversation as one participant sees it (contract § Conversations and messages):
 * `unreadCount`, `lastReadSeq`, `muted`, `mutedUntil`, `archived` and `pinned` are the caller's own.
 * The conversation is muted for notifications while `muted` is true or `mutedUntil` is in the future.
 */
export const ConversationSchema = z
  .object({
    id: IdSchema,
    projectId: IdSchema,
    kind: ConversationKindSchema,
    title: z.string(),
    status: ConversationStatusSchema,
    participants: z.array(ParticipantSchema),
    lastMessage: LastMessageSchema.nullable(),
    unreadCount: z.number().int(),
    lastReadSeq: z.number().int(),
    muted: z.boolean(),
    mutedUntil: TimestampSchema.nullable(),
    archived: z.boolean(),
    pinned: z.boolean(),
    /** Who created a `group` (they add and remove its members); null for project conversations. */
    createdBy: IdSchema.nullable(),
    createdAt: TimestampSchema,
    lastMessageAt: TimestampSchema,
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof ConversationSchema>;

/** `GET /api/conversations` query: `search` matches project title, conversation title and participant names. */
export const ConversationListQuerySchema = z.object({
  search: z.string().trim().max(200).optional(),
  archived: QueryBooleanSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuerySchema>;

export const ConversationPageSchema = pageSchema(ConversationSchema);
export type ConversationPage = z.infer<typeof ConversationPageSchema>;

/**
 * `PATCH /api/conversations/:id/settings`: the caller's own settings; at least one field. `mutedUntil` mutes
 * until that moment (null clears it); `muted: false` without `mutedUntil` also clears `mutedUntil` (unmute means unmute).
 */
export const ConversationSettingsBodySchema = z
  .object({
    muted: z.boolean().optional(),
    mutedUntil: TimestampInputSchema.nullable().optional(),
    archived: z.boolean().optional(),
    pinned: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'must name at least one of muted, mutedUntil, archived, pinned');
export type ConversationSettingsBody = z.infer<typeof ConversationSettingsBodySchema>;

/**
 * `POST /api/conversations`: a group inside a project (issue 5). `participantIds` are other members of the
 * project (1 to 50); the creator joins too. `title` 1–100 code points.
 */
export const CreateGroupBodySchema = z.object({
  projectId: IdSchema,
  title: boundedText(100),
  participantIds: z.array(IdSchema).min(1).max(50),
});
export type CreateGroupBody = z.infer<typeof CreateGroupBodySchema>;

/** `POST /api/conversations/:id/participants`: adds a member of the project to a group. */
export const AddParticipantBodySchema = z.object({ userId: IdSchema });
export type AddParticipantBody = z.infer<typeof AddParticipantBodySchema>;

/** `DELETE /api/conversations/:id/participants/:userId` params. */
export const ParticipantParamsSchema = z.object({ id: IdSchema, userId: IdSchema });
