import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, User } from '@parley/protocol';

/** What the handshake stores on each socket. */
export interface SocketData {
  user: User;
}

/** No events travel between server processes directly (fan-out goes through rooms). */
export type InterServerEvents = Record<string, never>;

export type ParleyServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type ParleySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
