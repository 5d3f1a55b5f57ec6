import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { DomainEvents } from '../events.js';
import { registerConversationSocket } from '../modules/conversations/conversations.socket.js';
import type { ConversationsService } from '../modules/conversations/conversations.service.js';
import type { IdentityService } from '../modules/identity/identity.service.js';
import { registerMessageSocket } from '../modules/messages/messages.socket.js';
import type { MessagesService } from '../modules/messages/messages.service.js';
import { registerReceiptSocket } from '../modules/receipts/receipts.socket.js';
import type { ReceiptsService } from '../modules/receipts/receipts.service.js';
import { registerTypingSocket } from '../modules/typing/typing.socket.js';
import type { TypingService } from '../modules/typing/typing.service.js';
import { subscribeFanout } from './fanout.js';
import { rooms } from './rooms.js';
import type { ParleyServer } from './types.js';

export interface RealtimeDeps {
  identity: IdentityService;
  conversations: ConversationsService;
  messages: MessagesService;
  receipts: ReceiptsService;
  typing: TypingService;
  events: DomainEvents;
  log: Logger;
}

/**
 * Attaches Socket.IO (default namespace, path `/socket.io`) to the HTTP server (contract § Realtime).
 * The handshake requires `auth: {token}`; a bad one fails with `connect_error` whose `data.code` is
 * `UNAUTHENTICATED`. Each socket joins its user's room on connect.
 */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): ParleyServer {
  const io: ParleyServer = new Server(httpServer, { serveClient: false, perMessageDeflate: false });

  io.use((socket, next) => {
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null && 'token' in auth && typeof auth.token === 'string' ? auth.token : '';
    deps.identity.authenticate(token).then(
      (user) => {
        socket.data.user = user;
        next();
      },
      (error: unknown) => {
        const failure = Object.assign(new Error(error instanceof Error ? error.message : 'Unauthenticated'), { data: { code: 'UNAUTHENTICATED' } });
        next(failure);
      },
    );
  });

  io.on('connection', (socket) => {
    void socket.join(rooms.user(socket.data.user.id));
    registerConversationSocket(socket, deps.conversations, deps.log);
    registerMessageSocket(socket, deps.messages, deps.log);
    registerReceiptSocket(socket, deps.receipts, deps.log);
    registerTypingSocket(socket, deps.typing, deps.log);
  });

  subscribeFanout(io, deps.events, deps.conversations, deps.log);
  return io;
}
