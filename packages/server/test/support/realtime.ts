import { io } from 'socket.io-client';
import type { Ack, ErrorDetail, ServerToClientEvents } from '@parley/protocol';
import type { TestSocket } from './server.js';

/** A payload of a server → client event. */
export type EventPayload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Records every `event` payload `socket` receives from now on, in arrival order. Tests that must show
 * an event did NOT arrive record, then await a later event that the server emits after the one in
 * question: Socket.IO delivers in order on one connection, so a missing entry is proof, not a guess.
 */
export function record<E extends keyof ServerToClientEvents>(socket: TestSocket, event: E): EventPayload<E>[] {
  const seen: EventPayload<E>[] = [];
  // socket.io-client's typed `on` cannot take a listener typed through a generic event name.
  socket.on(event, ((payload: EventPayload<E>) => seen.push(payload)) as never);
  return seen;
}

/** A `connect_error` as socket.io-client reports it: the server's `data` travels along. */
export interface HandshakeError extends Error {
  data?: { code?: string };
}

/**
 * Opens a socket with exactly `auth` (or none at all) and resolves with its `connect_error`; rejects
 * if the handshake succeeds. The socket is closed either way.
 */
export function handshakeError(url: string, auth?: Record<string, unknown>): Promise<HandshakeError> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...(auth ? { auth } : {}) });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('the handshake succeeded'));
    });
    socket.once('connect_error', (error: HandshakeError) => {
      socket.close();
      resolve(error);
    });
  });
}

/** Awaits an acknowledgement that must be `{ok: true, data}` and returns `data`; throws with the error otherwise. */
export async function ackData<T>(pending: Promise<Ack<T>>): Promise<T> {
  const ack = await pending;
  if (!ack.ok) throw new Error(`expected an ok ack, got ${JSON.stringify(ack.error)}`);
  if (ack.data === undefined) throw new Error('expected ack data, got none');
  return ack.data;
}

/** Awaits an acknowledgement that must be `{ok: false, error}` and returns `error`; throws otherwise. */
export async function ackError(pending: Promise<Ack<unknown>>): Promise<ErrorDetail> {
  const ack = await pending;
  if (ack.ok) throw new Error(`expected an error ack, got ${JSON.stringify(ack)}`);
  return ack.error;
}
