import { z } from 'zod';
import { AttachmentSchema } from './attachments.js';
import { IdSchema, TimestampSchema, boundedText } from './common.js';

/** Message types (contract § Conversations and messages); only the server writes `system`. */
export const MessageTypeSchema = z.enum(['text', 'image', 'video', 'audio', 'file', 'location', 'contact', 'system']);
export type MessageType = z.infer<typeof MessageTypeSchema>;

/** Longest message text, in Unicode code points. */
export const MAX_MESSAGE_LENGTH = 5000;

/**
 * One emoji's reactions on a message: how many users reacted with it, who (in reacting order), and
 * whether the user the message is shown to is one of them (`me`).
 */
export const ReactionSchema = z.object({ emoji: z.string(), count: z.number().int().min(1), userIds: z.array(IdSchema), me: z.boolean() });
export type Reaction = z.infer<typeof ReactionSchema>;

/** The message a reply answers, quoted: a preview of its text (≤ 100 code points), or `deleted: true` and no text. */
export const ReplyPreviewSchema = z.object({ id: IdSchema, senderId: IdSchema.nullable(), preview: z.string(), deleted: z.boolean() });
export type ReplyPreview = z.infer<typeof ReplyPreviewSchema>;

/** Where a forwarded message came from. */
export const ForwardedFromSchema = z.object({ messageId: IdSchema, conversationId: IdSchema, senderId: IdSchema.nullable() });
export type ForwardedFrom = z.infer<typeof ForwardedFromSchema>;

/** A `location` message's place: WGS 84 degrees, and an optional label (≤ 200 code points). */
export const LocationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  label: boundedText(200).optional(),
});
export type Location = z.infer<typeof LocationSchema>;

/** A `contact` message's card: a name (≤ 200 code points) and optionally a phone number and an e-mail address. */
export const ContactSchema = z.object({
  name: boundedText(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ().-]{2,30}$/, 'must be a phone number: digits, spaces, ( ) . - and an optional leading +')
    .optional(),
  email: z.email().max(254).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/**
 * A stored message. `seq` is per conversation, starts at 1 and has no gaps. A deleted message keeps its
 * place as a tombstone: `deletedAt` set, `text` empty, no reactions. `reactions` are shown to one user
 * (`me`); `replyTo` quotes the parent of a reply; `forwardedFrom` names the original of a forward.
 * `mentions` holds the user ids of the participants named with `@name` in the text. `attachments` are the files of an
 * `image`, `video`, `audio` or `file` message (none on a tombstone), whose `text` is then an optional caption.
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
    replyTo: ReplyPreviewSchema.nullable(),
    forwardedFrom: ForwardedFromSchema.nullable(),
    location: LocationSchema.nullable(),
    contact: ContactSchema.nullable(),
    attachments: z.array(AttachmentSchema),
    reactions: z.array(ReactionSchema),
    mentions: z.array(IdSchema),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof MessageSchema>;

/**
 * `POST /api/conversations/:id/messages` body. Text is trimmed and must hold 1 to 5000 code points, except with
 * `attachmentIds`, where it is an optional caption (the server sets the type from the files: issue 6).
 * `clientId` is the sender's idempotency key: the same key in the same conversation returns the stored message.
 */
export const SendMessageFieldsSchema = z.object({
  text: z
    .string()
    .trim()
    .refine((value) => [...value].length <= MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`)
    .default(''),
  clientId: z.string().min(1).max(100).optional(),
  type: MessageTypeSchema.exclude(['system']).default('text'),
  replyToId: IdSchema.optional(),
  attachmentIds: z.array(IdSchema).max(10).optional(),
  /** Required with `type: "location"`, refused otherwise. */
  location: LocationSchema.optional(),
  /** Required with `type: "contact"`, refused otherwise. */
  contact: ContactSchema.optional(),
});

/** Text is required unless the message carries attachments (issue 6: then it is an optional caption). */
export function requireTextOrAttachments(body: { text: string; attachmentIds?: string[] | undefined }, ctx: z.RefinementCtx): void {
  if (body.text === '' && !body.attachmentIds?.length) ctx.addIssue({ code: 'custom', path: ['text'], message: 'must not be empty' });
}

export const SendMessageBodySchema = SendMessageFieldsSchema.superRefine(requireTextOrAttachments);
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

/** `PATCH /api/messages/:id` body: the new text, validated as on send. */
export const EditMessageBodySchema = z.object({ text: boundedText(MAX_MESSAGE_LENGTH) });
export type EditMessageBody = z.infer<typeof EditMessageBodySchema>;

/** One earlier version of an edited message: its text until `replacedAt`, when `editedBy` changed it. */
export const MessageEditSchema = z
  .object({ text: z.string(), createdAt: TimestampSchema, replacedAt: TimestampSchema, editedBy: IdSchema })
  .meta({ id: 'MessageEdit' });
export type MessageEdit = z.infer<typeof MessageEditSchema>;

/** `GET /api/messages/:id/edits`: the earlier versions, oldest first. */
export const MessageEditListSchema = z.object({ items: z.array(MessageEditSchema) });
export type MessageEditList = z.infer<typeof MessageEditListSchema>;

/**
 * An emoji for a reaction: one to eight emoji characters (pictographs with their modifiers, variation
 * selectors and zero-width joiners, e.g. 👍, 👍🏽, ❤️, 👩‍💻), at most 32 UTF-16 units.
 */
export const EmojiSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^(?:[\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Regional_Indicator}#*0-9]|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3)+$/u, 'must be an emoji')
  .refine((value) => /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u.test(value), 'must be an emoji');

/** `POST /api/messages/:id/reactions` body. */
export const ReactionBodySchema = z.object({ emoji: EmojiSchema });
export type ReactionBody = z.infer<typeof ReactionBodySchema>;

/** `DELETE /api/messages/:id/reactions/:emoji` params. */
export const ReactionParamsSchema = z.object({ id: IdSchema, emoji: EmojiSchema });

/** `POST /api/messages/:id/forward` body: the conversation to copy the message into. */
export const ForwardBodySchema = z.object({ conversationId: IdSchema, clientId: z.string().min(1).max(100).optional() });
export type ForwardBody = z.infer<typeof ForwardBodySchema>;

/** A pinned message of a conversation: the message (as the caller sees it), who pinned it and when. */
export const PinSchema = z.object({ message: MessageSchema, pinnedBy: IdSchema, pinnedAt: TimestampSchema }).meta({ id: 'Pin' });
export type Pin = z.infer<typeof PinSchema>;

/** A conversation's pinned messages, most recently pinned first (deleted messages drop out). */
export const PinListSchema = z.object({ items: z.array(PinSchema) });
export type PinList = z.infer<typeof PinListSchema>;
