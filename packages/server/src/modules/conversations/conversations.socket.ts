import type { Logger } from 'pino';
import { ConversationRefSchema } from '@parley/protocol';
import { rooms } from '../../realtime/rooms.js';
import type { ParleySocket } from '../../realtime/types.js';
import { handler } from '../../realtime/ack.js';
import type { ConversationsService } from './conversations.service.js';

/** `conversation:join` (participants only, else `NOT_FOUND`; ack data is the conversation) and `conversation:leave`. */
export function registerConversationSocket(socket: ParleySocket, conversations: ConversationsService, log: Logger): void {
  const user = socket.data.user;
  socket.on(
    'conversation:join',
    handler(ConversationRefSchema, log, async ({ conversationId }) => {
      const conversation = await conversations.get(user.id, conversationId);
      await socket.join(rooms.conversation(conversationId));
      return conversation;
    }),
  );
  socket.on(
    'conversation:leave',
    handler(ConversationRefSchema, log, async ({ conversationId }) => {
      await socket.leave(rooms.conversation(conversationId));
    }),
  );
}
