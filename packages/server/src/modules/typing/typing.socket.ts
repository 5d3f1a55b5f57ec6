import type { Logger } from 'pino';
import { TypingPayloadSchema } from '@parley/protocol';
import { handler } from '../../realtime/ack.js';
import type { ParleySocket } from '../../realtime/types.js';
import type { TypingService } from './typing.service.js';

/** `conversation:typing`: relayed to the other participants; a `true` expires after 6 s without a repeat. */
export function registerTypingSocket(socket: ParleySocket, typing: TypingService, log: Logger): void {
  socket.on(
    'conversation:typing',
    handler(TypingPayloadSchema, log, ({ conversationId, isTyping }) => typing.setTyping(socket.data.user, conversationId, isTyping)),
  );
}
