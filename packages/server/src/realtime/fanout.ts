import type { Logger } from 'pino';
import type { DomainEvents } from '../events.js';
import type { ConversationsService } from '../modules/conversations/conversations.service.js';
import { rooms } from './rooms.js';
import type { ParleyServer } from './types.js';

/**
 * Subscribes realtime delivery to the domain events (contract § Realtime, "who gets it"). Fan-out
 * always targets user rooms, so every socket of every participant hears it, on any process once the
 * Socket.IO adapter spans processes.
 */
export function subscribeFanout(io: ParleyServer, events: DomainEvents, conversations: ConversationsService, log: Logger): void {
  const userRooms = (ids: string[]) => ids.map(rooms.user);

  events.on('message.created', ({ message, participantIds }) => {
    io.to(userRooms(participantIds)).emit('message:new', { message });
  });

  events.on('conversation.read', ({ conversationId, userId, lastReadSeq, messageId, readAt, participantIds }) => {
    const target = io.to(userRooms(participantIds));
    target.emit('conversation:read', { conversationId, userId, lastReadSeq, readAt });
    if (messageId) target.emit('message:read', { conversationId, userId, messageId, seq: lastReadSeq, readAt });
  });

  events.on('conversation.typing', ({ conversationId, userId, isTyping, participantIds }) => {
    io.to(userRooms(participantIds.filter((id) => id !== userId))).emit('conversation:typing', { conversationId, userId, isTyping });
  });

  events.on('conversation.updated', ({ conversationId, participantIds }) => {
    for (const userId of participantIds) {
      conversations.get(userId, conversationId).then(
        (conversation) => io.to(rooms.user(userId)).emit('conversation:updated', { conversation }),
        (error: unknown) => log.error({ err: error, conversationId, userId }, 'conversation:updated fan-out failed'),
      );
    }
  });
}
