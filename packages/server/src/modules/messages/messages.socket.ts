import type { Logger } from 'pino';
import { SendPayloadSchema } from '@parley/protocol';
import { handler } from '../../realtime/ack.js';
import type { ParleySocket } from '../../realtime/types.js';
import type { MessagesService } from './messages.service.js';

/** `message:send`: same rules as the REST send; ack data is the stored message (a replayed `clientId` included). */
export function registerMessageSocket(socket: ParleySocket, messages: MessagesService, log: Logger): void {
  socket.on(
    'message:send',
    handler(SendPayloadSchema, log, async ({ conversationId, ...body }) => (await messages.send(socket.data.user, conversationId, body)).message),
  );
}
