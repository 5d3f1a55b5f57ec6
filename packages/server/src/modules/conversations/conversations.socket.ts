import type { Logger } from 'pino';
import { ConversationRefSchema } from '@parley/protocol';
import { rooms } from '../../realtime/rooms.js';
import type { ParleySocket } from '../../realtime/types.js';
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
