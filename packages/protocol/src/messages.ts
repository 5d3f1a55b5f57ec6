import { z } from 'zod';
import { IdSchema, TimestampSchema, boundedText } from './common.js';

/** Message types (contract § Conversations and messages); only the server writes `system`. */
export const MessageTypeSchema = z.enum(['text', 'image', 'video', 'audio', 'file', 'location', 'contact', 'system']);
export type MessageType = z.infer<typeof MessageTypeSchema>;

/** Longest message text, in Unicode code points. */
export const MAX_MESSAGE_LENGTH = 5000;

/**
 * A stored message. `seq` is per conversation, starts at 1 and has no gaps.
 * `attachments`, `reactions` and `mentions` stay empty until their issues land.
 */
export const MessageSchema = z
  .object({
    id: IdSchema,
    conversationId: IdSchema,
    seq: z.number().int(),
    senderId: IdSchema.nullable(),
    type: MessageTypeSchema,
    text: z.string(),
    createdAt: TimestampSchema,
    editedAt: TimestampSchema.nullable(),
    deletedAt: TimestampSchema.nullable(),
    clientId: z.string().nullable(),
    replyToId: IdSchema.nullable(),
    attachments: z.array(z.unknown()),
    reactions: z.array(z.unknown()),
    mentions: z.array(z.unknown()),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof MessageSchema>;

/**
 * `POST /api/conversations/:id/messages` body. Text is trimmed and must hold 1 to 5000 code points.
 * `clientId` is the sender's idempotency key: the same key in the same conversation returns the stored message.
 */
export const SendMessageBodySchema = z.object({
  text: boundedText(MAX_MESSAGE_LENGTH),
  clientId: z.string().min(1).max(100).optional(),
  type: MessageTypeSchema.exclude(['system']).default('text'),
  replyToId: IdSchema.optional(),
  attachmentIds: z.array(IdSchema).max(10).optional(),
});
export type SendMessageBody = z.input<typeof SendMessageBodySchema>;
export type SendMessageInput = z.output<typeof SendMessageBodySchema>;

/**
 * `GET /api/conversations/:id/messages` query. Without `before`/`after`: the newest page.
 * `before`: the page just below that seq. `after`: the page just above it (bounded by `before` if both are given).
 */
export const HistoryQuerySchema = z.object({
  before: z.coerce.number().int().min(1).optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

/** A history page: items in ascending `seq`; `hasMore` says more lie beyond the page in the direction read. */
export const HistoryPageSchema = z.object({ items: z.array(MessageSchema), hasMore: z.boolean() });
export type HistoryPage = z.infer<typeof HistoryPageSchema>;

/** `POST /api/conversations/:id/read` body: the newest `seq` the caller has seen. */
export const MarkReadBodySchema = z.object({ seq: z.number().int().min(0) });
export type MarkReadBody = z.infer<typeof MarkReadBodySchema>;

/** The caller's read position after a read; `lastReadSeq` never moves backwards. */
export const ReadStateSchema = z.object({ lastReadSeq: z.number().int(), unreadCount: z.number().int() });
export type ReadState = z.infer<typeof ReadStateSchema>;
