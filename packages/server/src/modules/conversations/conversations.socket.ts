import type { Logger } from 'pino';
import { ConversationRefSchema } from '@parley/protocol';
import { rooms } from '../../realtime/rooms.js';
import type { ParleyServer, ParleySocket } from '../../realtime/types.js';
import type { DomainEvents } from '../../events.js';
import { handler } from '../../realtime/ack.js';
import type { ViewingTracker } from '../presence/viewing-tracker.js';
import type { ConversationsService } from './conversations.service.js';

/**
 * `conversation:join` (participants only, else `NOT_FOUND`; ack data is the conversation) and `conversation:leave`.
 * Both keep the socket's viewing state (`ViewingTracker`), which notifications consult, in step with its rooms.
 */
export function registerConversationSocket(socket: ParleySocket, conversations: ConversationsService, viewing: ViewingTracker, log: Logger): void {
  const user = socket.data.user;
  socket.on(
    'conversation:join',
    handler(ConversationRefSchema, log, async ({ conversationId }) => {
      const conversation = await conversations.get(user.id, conversationId);
      await socket.join(rooms.conversation(conversationId));
      // A socket that disconnected while this join was on its way views nothing.
      if (socket.connected) await viewing.join(socket.id, user.id, conversationId);
      return conversation;
    }),
  );
  socket.on(
    'conversation:leave',
    handler(ConversationRefSchema, log, async ({ conversationId }) => {
      await socket.leave(rooms.conversation(conversationId));
      await viewing.leave(socket.id, conversationId);
    }),
  );
}

/**
 * A socket restored by Socket.IO's connection state recovery comes back with the rooms it had. Its token
 * was checked again, but membership may have changed while it was away, and the token may name another
 * user: keep its own user room and the conversation rooms whose conversation its user still participates
 * in (viewing them again), and leave every other room.
 */
export function revalidateRecoveredRooms(socket: ParleySocket, conversations: ConversationsService, viewing: ViewingTracker, log: Logger): void {
  const user = socket.data.user;
  const restored = [...socket.rooms].filter((room) => room !== socket.id && room !== rooms.user(user.id));
  for (const room of restored) {
    const conversationId = rooms.conversationIdOf(room);
    void socket.leave(room);
    if (conversationId === undefined) continue;
    conversations
      .isParticipant(user.id, conversationId)
      .then(async (allowed) => {
        if (!allowed || !socket.connected) return;
        await socket.join(room);
        await viewing.join(socket.id, user.id, conversationId);
      })
      .catch((error: unknown) => log.error({ err: error, conversationId }, 'restoring a recovered room failed'));
  }
}

/**
 * A participant removed from a conversation loses access at once (issue 5): every socket of theirs leaves the
 * conversation's room and stops viewing it, then hears `conversation:removed`. Fan-out targets user rooms and
 * reads participants per event, so nothing more reaches them.
 */
export function revokeOnRemoval(io: ParleyServer, events: DomainEvents, viewing: ViewingTracker, log: Logger): void {
  events.on('participant.removed', ({ conversationId, userId }) => {
    io.in(rooms.user(userId)).socketsLeave(rooms.conversation(conversationId));
    io.to(rooms.user(userId)).emit('conversation:removed', { conversationId });
    io.in(rooms.user(userId))
      .fetchSockets()
      .then((sockets) => Promise.all(sockets.map((socket) => viewing.leave(socket.id, conversationId))))
      .catch((error: unknown) => log.error({ err: error, conversationId, userId }, 'revoking a removed participant’s viewing failed'));
  });
}
