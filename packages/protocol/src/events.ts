import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';
import { ConversationSchema } from './conversations.js';
import type { ErrorDetail } from './errors.js';
import { MarkReadBodySchema, MessageSchema, SendMessageFieldsSchema, requireTextOrAttachments } from './messages.js';
import { NotificationSchema } from './notifications.js';
import type { Meeting, MeetingEvent, MeetingInvitePayload, MeetingRef } from './meetings.js';
import type { Message, ReadState } from './messages.js';

// ---- client → server payloads (contract § Realtime) -----------------------------------------

export const ConversationRefSchema = z.object({ conversationId: IdSchema });
export type ConversationRef = z.infer<typeof ConversationRefSchema>;

export const TypingPayloadSchema = z.object({ conversationId: IdSchema, isTyping: z.boolean() });
export type TypingPayload = z.infer<typeof TypingPayloadSchema>;

export const MarkReadPayloadSchema = MarkReadBodySchema.extend({ conversationId: IdSchema });
export type MarkReadPayload = z.infer<typeof MarkReadPayloadSchema>;

export const SendPayloadSchema = SendMessageFieldsSchema.extend({ conversationId: IdSchema }).superRefine(requireTextOrAttachments);
export type SendPayload = z.input<typeof SendPayloadSchema>;

// ---- server → client payloads ---------------------------------------------------------------

export const MessageNewEventSchema = z.object({ message: MessageSchema });
export type MessageNewEvent = z.infer<typeof MessageNewEventSchema>;

export const MessageReadEventSchema = z.object({
  conversationId: IdSchema,
  userId: IdSchema,
  messageId: IdSchema,
  seq: z.number().int(),
  readAt: TimestampSchema,
});
export type MessageReadEvent = z.infer<typeof MessageReadEventSchema>;

export const ConversationReadEventSchema = z.object({
  conversationId: IdSchema,
  userId: IdSchema,
  lastReadSeq: z.number().int(),
  readAt: TimestampSchema,
});
export type ConversationReadEvent = z.infer<typeof ConversationReadEventSchema>;

export const TypingEventSchema = z.object({ conversationId: IdSchema, userId: IdSchema, isTyping: z.boolean() });
export type TypingEvent = z.infer<typeof TypingEventSchema>;

export const ConversationUpdatedEventSchema = z.object({ conversation: ConversationSchema });
export type ConversationUpdatedEvent = z.infer<typeof ConversationUpdatedEventSchema>;

/** `online` while the user has at least one connected socket; `lastSeenAt` is when their last socket closed (null if never). */
export const PresenceUpdateEventSchema = z.object({ userId: IdSchema, online: z.boolean(), lastSeenAt: TimestampSchema.nullable() });
export type PresenceUpdateEvent = z.infer<typeof PresenceUpdateEventSchema>;

/** A message was edited, or its reactions changed: the message as the receiving user sees it. */
export const MessageUpdatedEventSchema = z.object({ message: MessageSchema });
export type MessageUpdatedEvent = z.infer<typeof MessageUpdatedEventSchema>;

/** A message was deleted: it stays in place as a tombstone (no text). */
export const MessageDeletedEventSchema = z.object({ conversationId: IdSchema, messageId: IdSchema, seq: z.number().int(), deletedAt: TimestampSchema });
export type MessageDeletedEvent = z.infer<typeof MessageDeletedEventSchema>;

/** `userId` added (`added: true`) or removed a reaction; `message` carries the reactions as the receiving user sees them. */
export const MessageReactionEventSchema = z.object({
  conversationId: IdSchema,
  messageId: IdSchema,
  userId: IdSchema,
  emoji: z.string(),
  added: z.boolean(),
  message: MessageSchema,
});
export type MessageReactionEvent = z.infer<typeof MessageReactionEventSchema>;

/** The receiving user is no longer a participant of this conversation (removed from a group, or left it). */
export const ConversationRemovedEventSchema = z.object({ conversationId: IdSchema });
export type ConversationRemovedEvent = z.infer<typeof ConversationRemovedEventSchema>;

export const NotificationNewEventSchema = z.object({ notification: NotificationSchema });
export type NotificationNewEvent = z.infer<typeof NotificationNewEventSchema>;

// ---- acknowledgements -----------------------------------------------------------------------

/** Every client → server event is acknowledged with this shape (contract § Realtime). */
export type Ack<T = undefined> = { ok: true; data?: T } | { ok: false; error: ErrorDetail };
export type AckCallback<T = undefined> = (response: Ack<T>) => void;

/** How long a typing indicator lasts without a repeat, in ms (contract § Realtime). */
export const TYPING_TIMEOUT_MS = 6000;

/** Events a client sends; each takes a payload and an acknowledgement callback. */
export interface ClientToServerEvents {
  /** Start viewing a conversation; refused with `NOT_FOUND` for non-participants. */
  'conversation:join': (payload: ConversationRef, ack: AckCallback) => void;
  /** Stop viewing a conversation. */
  'conversation:leave': (payload: ConversationRef, ack: AckCallback) => void;
  /** Relayed to the other participants; expires after {@link TYPING_TIMEOUT_MS} without a repeat. */
  'conversation:typing': (payload: TypingPayload, ack: AckCallback) => void;
  /** Same as `POST /api/conversations/:id/read`; ack data is the caller's read state. */
  'conversation:markRead': (payload: MarkReadPayload, ack: AckCallback<ReadState>) => void;
  /** Same as `POST /api/conversations/:id/messages`; ack data is the stored message. */
  'message:send': (payload: SendPayload, ack: AckCallback<Message>) => void;
  /** Invites more of the project's participants to a meeting (issue 7, "Signaling"); ack data is the meeting. */
  'meeting:invite': (payload: MeetingInvitePayload, ack: AckCallback<Meeting>) => void;
  /** Same as `POST /api/meetings/:id/accept`. */
  'meeting:accept': (payload: MeetingRef, ack: AckCallback<Meeting>) => void;
  /** Same as `POST /api/meetings/:id/decline`. */
  'meeting:decline': (payload: MeetingRef, ack: AckCallback<Meeting>) => void;
  /** Same as `POST /api/meetings/:id/start`. */
  'meeting:start': (payload: MeetingRef, ack: AckCallback<Meeting>) => void;
  /** Same as `POST /api/meetings/:id/end`. */
  'meeting:end': (payload: MeetingRef, ack: AckCallback<Meeting>) => void;
}

/** Events the server sends. */
export interface ServerToClientEvents {
  /** To every connected socket of every participant, the sender's own included. */
  'message:new': (payload: MessageNewEvent) => void;
  /** To participants, each with their own view: a message was edited. */
  'message:updated': (payload: MessageUpdatedEvent) => void;
  /** To participants: a message was deleted (a tombstone stays). */
  'message:deleted': (payload: MessageDeletedEvent) => void;
  /** To participants, each with their own view: a reaction was added or removed. */
  'message:reaction': (payload: MessageReactionEvent) => void;
  /** To participants, for the newest message a read covers. */
  'message:read': (payload: MessageReadEvent) => void;
  /** To participants, when one of them moves their read position forward. */
  'conversation:read': (payload: ConversationReadEvent) => void;
  /** To participants other than the typist. */
  'conversation:typing': (payload: TypingEvent) => void;
  /** To the removed user's sockets: they no longer take part in the conversation (a group) and left its rooms. */
  'conversation:removed': (payload: ConversationRemovedEvent) => void;
  /** To participants, each with their own view: status, title or participants changed, or the conversation is new to them. */
  'conversation:updated': (payload: ConversationUpdatedEvent) => void;
  /**
   * To the users who share a conversation with that user (never to the user themself), when their first
   * socket connects (`online: true`) and when their last one disconnects (`online: false`, with `lastSeenAt`).
   */
  'presence:update': (payload: PresenceUpdateEvent) => void;
  /**
   * To the notified user only (every socket of theirs): a notification was created, or its unread `count`
   * grew (same `id`; replace the one you hold).
   */
  'notification:new': (payload: NotificationNewEvent) => void;
  /** To the invited users only: they are asked to a meeting (an incoming call when it is instant); `userId` invited them. */
  'meeting:invite': (payload: MeetingEvent) => void;
  /** To the project's participants: `userId` accepted. */
  'meeting:accept': (payload: MeetingEvent) => void;
  /** To the project's participants: `userId` declined. */
  'meeting:decline': (payload: MeetingEvent) => void;
  /** To the project's participants: the meeting became active (`userId` started or first joined it). */
  'meeting:start': (payload: MeetingEvent) => void;
  /** To the project's participants: the meeting is over (`completed`, with its duration). */
  'meeting:end': (payload: MeetingEvent) => void;
  /** To the project's participants after every change of a meeting, its creation included. */
  'meeting:updated': (payload: MeetingEvent) => void;
  /**
   * To every socket of every process, each time one process's link to the others (Redis) is back after being down
   * (issue 8): events may have been missed in either direction; catch up with `GET /api/sync`.
   */
  'sync:stale': (payload: Record<string, never>) => void;
}

/** Names of the client → server events, for iteration and tests. */
export type ClientEventName = keyof ClientToServerEvents;
