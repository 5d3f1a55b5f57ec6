import { z } from 'zod';
import { IdSchema, QueryBooleanSchema, TimestampSchema, pageSchema } from './common.js';

/** Kinds of notification; `message.new` is the only one today. */
export const NotificationTypeSchema = z.enum(['message.new']);
export type NotificationType = z.infer<typeof NotificationTypeSchema>;

/**
 * A notification for one user. `message.new`: new messages in a conversation the user was not viewing.
 * One unread notification per (user, conversation): further messages raise `count` and move `messageId`,
 * `senderId`, `senderName`, `preview` (≤ 100 code points) and `createdAt` to the newest message; once read,
 * the next message starts a new one. System messages have `senderId` null and `senderName` "Parley".
 */
export const NotificationSchema = z
  .object({
    id: IdSchema,
    type: NotificationTypeSchema,
    projectId: IdSchema,
    projectTitle: z.string(),
    conversationId: IdSchema,
    messageId: IdSchema,
    senderId: IdSchema.nullable(),
    senderName: z.string(),
    preview: z.string(),
    count: z.number().int().min(1),
    createdAt: TimestampSchema,
    readAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

/** `GET /api/notifications` query: `unread=true` lists only unread ones (otherwise all), newest first. */
export const NotificationListQuerySchema = z.object({
  unread: QueryBooleanSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationPageSchema = pageSchema(NotificationSchema);
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

/** `POST /api/notifications/read`: the caller's notifications named by `ids` (others' ids are ignored), or `all`. */
export const MarkNotificationsReadBodySchema = z.union([
  z.object({ ids: z.array(IdSchema).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkNotificationsReadBody = z.infer<typeof MarkNotificationsReadBodySchema>;

/** The answer of `POST /api/notifications/read`: how many of the caller's notifications became read. */
export const MarkNotificationsReadResultSchema = z.object({ updated: z.number().int() });
export type MarkNotificationsReadResult = z.infer<typeof MarkNotificationsReadResultSchema>;
