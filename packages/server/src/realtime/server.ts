import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server, type ServerOptions } from 'socket.io';
import type { ErrorCode } from '@parley/protocol';
import { AppError } from '../errors.js';
import type { DomainEvents } from '../events.js';
import { registerConversationSocket, revalidateRecoveredRooms, revokeOnRemoval } from '../modules/conversations/conversations.socket.js';
import type { ConversationsService } from '../modules/conversations/conversations.service.js';
import type { IdentityService } from '../modules/identity/identity.service.js';
import { registerPresenceSocket } from '../modules/presence/presence.socket.js';
import type { PresenceService } from '../modules/presence/presence.service.js';
import type { ViewingTracker } from '../modules/presence/viewing-tracker.js';
import type { MeetingLifecycle } from '../modules/meetings/meeting-lifecycle.js';
import { registerMeetingSocket } from '../modules/meetings/meetings.socket.js';
import { registerMessageSocket } from '../modules/messages/messages.socket.js';
import type { MessagesService } from '../modules/messages/messages.service.js';
import { registerReceiptSocket } from '../modules/receipts/receipts.socket.js';
import type { ReceiptsService } from '../modules/receipts/receipts.service.js';
import { registerTypingSocket } from '../modules/typing/typing.socket.js';
import type { TypingService } from '../modules/typing/typing.service.js';
import { subscribeFanout } from './fanout.js';
import { rooms } from './rooms.js';
import type { ParleyServer } from './types.js';

/** How long Socket.IO keeps a disconnected socket's rooms and missed events for its return (ms). */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

export interface RealtimeDeps {
  identity: IdentityService;
  conversations: ConversationsService;
  messages: MessagesService;
  receipts: ReceiptsService;
  typing: TypingService;
  presence: PresenceService;
  viewing: ViewingTracker;
  meetings: MeetingLifecycle;
  events: DomainEvents;
  log: Logger;
  /** The Socket.IO adapter spanning processes (Redis streams, issue 8); unset: the in-memory one of a single process. */
  adapter?: ServerOptions['adapter'];
}

/**
 * The `connect_error` for a refused handshake: `data.code` is `UNAUTHENTICATED` for a bad, expired or
 * missing token (contract § Identity). Anything else (the database is down) is not the token's fault:
 * it answers `INTERNAL` with a generic message, so clients retry instead of signing out, and goes to the
 * log with its stack (CONVENTIONS rule 7).
 */
function handshakeFailure(error: unknown, log: Logger): Error & { data: { code: ErrorCode } } {
  if (error instanceof AppError && error.code === 'UNAUTHENTICATED') return Object.assign(new Error(error.message), { data: { code: error.code } });
  log.error({ err: error }, 'socket handshake failed');
  return Object.assign(new Error('Internal server error'), { data: { code: 'INTERNAL' as const } });
}

/**
 * Attaches Socket.IO (default namespace, path `/socket.io`) to the HTTP server (contract § Realtime).
 * The handshake requires `auth: {token}`; a bad one fails with `connect_error` whose `data.code` is
 * `UNAUTHENTICATED` (see {@link handshakeFailure}). Each socket joins its user's room on connect and counts
 * towards its user's presence until it disconnects. A socket recovered by connection state recovery keeps
 * only the rooms its (re-authenticated) user may still be in.
 */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): ParleyServer {
  const io: ParleyServer = new Server(httpServer, {
    serveClient: false,
    perMessageDeflate: false,
    // An optimisation only (docs/delivery.md, guarantee 4): a socket back within the window gets its rooms
    // and the events it missed replayed; clients still catch up through /api/sync. The middleware (token check)
    // runs again, and restored rooms are re-checked in `connection` (Socket.IO docs, "Connection state recovery").
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });

  io.use((socket, next) => {
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null && 'token' in auth && typeof auth.token === 'string' ? auth.token : '';
    deps.identity.authenticate(token).then(
      (user) => {
        socket.data.user = user;
        next();
      },
      (error: unknown) => next(handshakeFailure(error, deps.log)),
    );
  });

  io.on('connection', (socket) => {
    void socket.join(rooms.user(socket.data.user.id));
    if (socket.recovered) revalidateRecoveredRooms(socket, deps.conversations, deps.viewing, deps.log);
    registerPresenceSocket(socket, deps.presence, deps.viewing, deps.log);
    registerConversationSocket(socket, deps.conversations, deps.viewing, deps.log);
    registerMessageSocket(socket, deps.messages, deps.log);
    registerReceiptSocket(socket, deps.receipts, deps.log);
    registerTypingSocket(socket, deps.typing, deps.log);
    registerMeetingSocket(socket, deps.meetings, deps.log);
  });

  subscribeFanout(io, deps.events);
  revokeOnRemoval(io, deps.events, deps.viewing, deps.log);
  return io;
}
