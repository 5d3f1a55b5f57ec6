import type { DomainEvents } from '../events.js';
import { rooms } from './rooms.js';
import type { ParleyServer } from './types.js';

/**
 * Subscribes realtime delivery to the domain events (contract § Realtime, "who gets it"). Fan-out
 * always targets user rooms, so every socket of every participant hears it, on any process once the
 * Socket.IO adapter spans processes. Every emit is synchronous, so socket events about one
 * conversation leave in the order the services emitted their domain events.
 */
export function subscribeFanout(io: ParleyServer, events: DomainEvents): void {
  const userRooms = (ids: string[]) => ids.map(rooms.user);

  events.on('message.created', ({ message, participantIds }) => {
    io.to(userRooms(participantIds)).emit('message:new', { message });
  });

  events.on('message.updated', ({ views }) => {
    for (const { userId, message } of views) io.to(rooms.user(userId)).emit('message:updated', { message });
  });

  events.on('message.deleted', ({ conversationId, messageId, seq, deletedAt, participantIds }) => {
    io.to(userRooms(participantIds)).emit('message:deleted', { conversationId, messageId, seq, deletedAt });
  });

  events.on('message.reaction', ({ conversationId, messageId, userId, emoji, added, views }) => {
    for (const view of views) io.to(rooms.user(view.userId)).emit('message:reaction', { conversationId, messageId, userId, emoji, added, message: view.message });
  });

  events.on('conversation.read', ({ conversationId, userId, lastReadSeq, messageId, readAt, participantIds }) => {
    const target = io.to(userRooms(participantIds));
    target.emit('conversation:read', { conversationId, userId, lastReadSeq, readAt });
    if (messageId) target.emit('message:read', { conversationId, userId, messageId, seq: lastReadSeq, readAt });
  });

  events.on('conversation.typing', ({ conversationId, userId, isTyping, participantIds }) => {
    io.to(userRooms(participantIds.filter((id) => id !== userId))).emit('conversation:typing', { conversationId, userId, isTyping });
  });

  events.on('conversation.updated', ({ views }) => {
    for (const { userId, conversation } of views) io.to(rooms.user(userId)).emit('conversation:updated', { conversation });
  });

  events.on('presence.changed', ({ userId, online, lastSeenAt, audienceIds }) => {
    const audience = audienceIds.filter((id) => id !== userId);
    // `io.to([])` would broadcast to every socket: with nobody to tell, tell nobody.
    if (audience.length > 0) io.to(userRooms(audience)).emit('presence:update', { userId, online, lastSeenAt });
  });

  events.on('notification.created', ({ userId, notification }) => {
    io.to(rooms.user(userId)).emit('notification:new', { notification });
  });

  events.on('meeting.changed', ({ meeting, audienceIds, signal }) => {
    if (audienceIds.length === 0) return;
    io.to(userRooms(audienceIds)).emit('meeting:updated', { meeting });
    if (!signal) return;
    const targets = signal.targetIds ?? audienceIds;
    if (targets.length > 0) io.to(userRooms(targets)).emit(`meeting:${signal.event}`, { meeting, userId: signal.userId });
  });
}
