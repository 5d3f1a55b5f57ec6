import { EventEmitter } from 'node:events';
import type { Conversation, Meeting, Message, Notification } from '@parley/protocol';

/**
 * Domain events, emitted by services after their transaction commits (CONVENTIONS rule 4).
 * Realtime fan-out and notifications subscribe to them; services never import a transport.
 */
/** A meeting signal (issue 7, "Signaling"): which socket event, who caused it, and who hears it (default: the audience). */
export interface MeetingSignal {
  event: 'invite' | 'accept' | 'decline' | 'start' | 'end';
  userId: string;
  targetIds?: string[];
}

export interface DomainEventMap {
  /** A meeting was created or changed; `audienceIds` are its project's members. */
  'meeting.changed': [{ meeting: Meeting; audienceIds: string[]; signal?: MeetingSignal }];
  /** A message was stored; `participantIds` are the conversation's participants at that moment. */
  'message.created': [{ message: Message; participantIds: string[] }];
  /** A participant moved their read position forward to `lastReadSeq` (the message at that seq is `messageId`). */
  'conversation.read': [
    { conversationId: string; userId: string; lastReadSeq: number; messageId: string | null; readAt: string; participantIds: string[] },
  ];
  /** A participant started or stopped typing (stopping includes the 6 s expiry). */
  'conversation.typing': [{ conversationId: string; userId: string; isTyping: boolean; participantIds: string[] }];
  /**
   * A conversation was created, or its status, title or participants changed; `views` holds each
   * participant's own view of it (their unread count, read position, mute and archive flags).
   */
  'conversation.updated': [{ conversationId: string; views: { userId: string; conversation: Conversation }[] }];
  /**
   * A user went online (first socket) or offline (last socket gone; `lastSeenAt` just stored).
   * `audienceIds` are the users who share a conversation with them, the user excluded.
   */
  'presence.changed': [{ userId: string; online: boolean; lastSeenAt: string | null; audienceIds: string[] }];
  /** A message was edited; `views` holds it as each participant sees it. */
  'message.updated': [{ conversationId: string; views: { userId: string; message: Message }[] }];
  /** A message was deleted (a tombstone stays); `participantIds` are the conversation's participants. */
  'message.deleted': [{ conversationId: string; messageId: string; seq: number; deletedAt: string; participantIds: string[] }];
  /** `userId` added or removed the reaction `emoji`; `views` holds the message as each participant sees it. */
  'message.reaction': [
    { conversationId: string; messageId: string; userId: string; emoji: string; added: boolean; views: { userId: string; message: Message }[] },
  ];
  /** `userId` is no longer a participant of a conversation: their sockets must leave its rooms at once. */
  'participant.removed': [{ conversationId: string; userId: string }];
  /** A notification for `userId` was created, or its unread count grew (same id). */
  'notification.created': [{ userId: string; notification: Notification }];
}

/** The server's domain event bus: a typed Node `EventEmitter`. */
export class DomainEvents extends EventEmitter<DomainEventMap> {}
