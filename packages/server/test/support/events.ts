import type { ServerToClientEvents } from '@parley/protocol';
import type { TestSocket } from './server.js';

/**
 * Resolves with the first `event` payload on `socket` that satisfies `match`; rejects after `timeoutMs`
 * (a bound so a broken feature fails instead of hanging, not a sleep).
 */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on(event, listener as never);
  });
}

/** Emits a client event and resolves with its acknowledgement. */
export function emitWithAck<T = unknown>(socket: TestSocket, event: string, payload: unknown): Promise<T> {
  // socket.io-client's typed emit cannot express an arbitrary event name; tests send bad payloads on purpose.
  return (socket as unknown as { emitWithAck(event: string, payload: unknown): Promise<T> }).emitWithAck(event, payload);
}
