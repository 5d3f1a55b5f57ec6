import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@parley/protocol';
import { ParleyError } from './errors.js';
import type { TokenSource } from './rest.js';

/** A Socket.IO client typed with Parley's event maps (contract § Realtime). */
export type ParleySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connection states the SDK reports. */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** What the SDK tells a listener about the connection; `error` holds the last refusal, e.g. `UNAUTHENTICATED`. */
export interface ConnectionStatus {
  state: ConnectionState;
  error: ParleyError | null;
}

/**
 * The realtime half of the client: one socket, reconnecting automatically (Socket.IO's backoff), that
 * asks `getToken` for a token at every (re)connection so refreshed tokens are used. A handshake refused as
 * `UNAUTHENTICATED` asks `getToken({refresh: true})` and connects again once when it gives another token.
 */
export class Realtime {
  readonly socket: ParleySocket;
  private status: ConnectionStatus = { state: 'disconnected', error: null };
  private readonly listeners = new Set<(status: ConnectionStatus) => void>();

  /** The token of the last handshake, and a fresh one to use for the next instead of asking `getToken`. */
  private lastToken: string | null = null;
  private freshToken: string | null = null;
  /** False once the application called {@link disconnect}: no token retry reopens the socket then. */
  private wanted = false;

  constructor(baseUrl: string, getToken: TokenSource) {
    this.socket = io(baseUrl, {
      autoConnect: false,
      transports: ['websocket'],
      auth: (cb) => {
        const fresh = this.freshToken;
        this.freshToken = null;
        Promise.resolve(fresh ?? getToken()).then(
          (token) => {
            this.lastToken = token;
            cb({ token });
          },
          () => cb({ token: '' }),
        );
      },
    });
    this.socket.on('connect', () => this.setStatus({ state: 'connected', error: null }));
    this.socket.on('disconnect', () => this.setStatus({ state: 'disconnected', error: null }));
    this.socket.io.on('reconnect_attempt', () => this.setStatus({ state: 'connecting', error: this.status.error }));
    this.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      const code = error.data?.code ?? 'NETWORK_ERROR';
      this.setStatus({ state: 'disconnected', error: new ParleyError(code, error.message, code === 'UNAUTHENTICATED' ? 401 : 0) });
      // A refused token ends Socket.IO's reconnection: ask for a fresh token, and try again once if it differs.
      if (code === 'UNAUTHENTICATED') void this.retryWithFreshToken(getToken);
    });
  }

  private async retryWithFreshToken(getToken: TokenSource): Promise<void> {
    const refused = this.lastToken;
    let fresh: string;
    try {
      fresh = await getToken({ refresh: true });
    } catch {
      return;
    }
    if (fresh === refused || !this.wanted || this.socket.connected) return;
    this.freshToken = fresh;
    this.connect();
  }

  /** Opens the socket (no-op when open). */
  connect(): void {
    this.wanted = true;
    if (this.socket.connected) return;
    this.setStatus({ state: 'connecting', error: null });
    this.socket.connect();
  }

  /** Closes the socket; it stays closed until {@link connect}. */
  disconnect(): void {
    this.wanted = false;
    this.socket.disconnect();
    // Socket.IO emits `disconnect` only for an open connection; a pending (re)connection ends silently.
    if (this.status.state !== 'disconnected') this.setStatus({ state: 'disconnected', error: null });
  }

  /** The current connection status. */
  getStatus(): ConnectionStatus {
    return this.status;
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listens to a server event; returns the unsubscribe function. */
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void {
    // socket.io-client's overloads cannot relate a generic event name to its listener type.
    this.socket.on(event, listener as never);
    return () => this.socket.off(event, listener as never);
  }

  /**
   * Emits a client event and resolves with its ack `data`. Throws {@link ParleyError} with the ack's
   * error code, or `NETWORK_ERROR` when no ack arrives within `timeoutMs` (ms, default 10 000).
   */
  async request<T>(event: keyof ClientToServerEvents, payload: unknown, timeoutMs = 10_000): Promise<T> {
    let ack: Ack<T>;
    try {
      // The event maps type each payload; callers in this package pass the matching one.
      ack = (await (this.socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<T>> }).emitWithAck(
        event,
        payload,
      ));
    } catch {
      throw new ParleyError('NETWORK_ERROR', `No acknowledgement for ${event} within ${timeoutMs} ms`, 0);
    }
    if (!ack.ok) throw new ParleyError(ack.error.code, ack.error.message, 0, ack.error.details, retryAfterMs(ack.error.details));
    return ack.data as T;
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}

/** `details.retryAfterMs` (ms) of a `RATE_LIMITED` ack, which carries no `Retry-After` header (docs/api.md § rate limit). */
function retryAfterMs(details: unknown): number | undefined {
  if (typeof details !== 'object' || details === null || !('retryAfterMs' in details)) return undefined;
  const value = details.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
