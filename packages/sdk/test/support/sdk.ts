import { createServer } from 'node:net';
import type { ServerToClientEvents } from '@parley/protocol';
import { ParleyClient, type ConnectionState, type ConnectionStatus, type ParleyClientOptions } from '@parley/sdk';
import type { Actor } from '../../../server/test/support/factories.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test/support/server.js';

/** Bound on every awaited event or status (ms): a broken feature fails instead of hanging, not a sleep. */
export const EVENT_TIMEOUT_MS = 5000;

/**
 * Makes {@link ParleyClient}s and closes every socket they opened: call `disconnectAll()` in `afterEach`
 * so no test leaves a live socket (and its reconnection timers) behind.
 */
export function clientPool(): {
  /** A client for `t` signed in as `actor` (a fixed token), or with the given options over `t.url`. */
  make(t: TestServer, who: Actor | Omit<ParleyClientOptions, 'url'>): ParleyClient;
  /** A client for any URL (e.g. one nobody listens on). */
  at(options: ParleyClientOptions): ParleyClient;
  disconnectAll(): void;
} {
  const clients: ParleyClient[] = [];
  const at = (options: ParleyClientOptions): ParleyClient => {
    const client = new ParleyClient(options);
    clients.push(client);
    return client;
  };
  return {
    at,
    make: (t, who) => at('role' in who ? { url: t.url, token: who.token } : { url: t.url, ...who }),
    disconnectAll() {
      for (const client of clients.splice(0)) client.realtime.disconnect();
    },
  };
}

/** The payload of a server → client event. */
export type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Resolves with the first `event` the client's listener (`client.on`) receives that satisfies `match`;
 * rejects after {@link EVENT_TIMEOUT_MS}.
 */
export function nextSdkEvent<E extends keyof ServerToClientEvents>(
  client: ParleyClient,
  event: E,
  match: (payload: Payload<E>) => boolean = () => true,
): Promise<Payload<E>> {
  return new Promise((resolve, reject) => {
    const off = client.on(event, (payload: Payload<E>) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${event} within ${EVENT_TIMEOUT_MS} ms`));
    }, EVENT_TIMEOUT_MS);
  });
}

/** Records every status the client reports from now on, in order. */
export function recordStatuses(client: ParleyClient): ConnectionStatus[] {
  const seen: ConnectionStatus[] = [];
  client.realtime.onStatus((status) => seen.push(status));
  return seen;
}

/**
 * Resolves with the first status reported through `onStatus` (from now on) whose state is `state`;
 * rejects after {@link EVENT_TIMEOUT_MS} with the statuses seen meanwhile.
 */
export function nextStatus(client: ParleyClient, state: ConnectionState): Promise<ConnectionStatus> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    const off = client.realtime.onStatus((status) => {
      seen.push(status.state);
      if (status.state !== state) return;
      clearTimeout(timer);
      off();
      resolve(status);
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no '${state}' status within ${EVENT_TIMEOUT_MS} ms; saw ${JSON.stringify(seen)}`));
    }, EVENT_TIMEOUT_MS);
  });
}

/**
 * Connects the client's socket and resolves once `onStatus` reports `connected`; rejects with the
 * reported error when the connection is refused, or after {@link EVENT_TIMEOUT_MS}.
 */
export function connected(client: ParleyClient): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = client.realtime.onStatus((status) => {
      if (status.state === 'connected') return settle(() => resolve());
      const { error } = status;
      if (error) settle(() => reject(error));
    });
    const timer = setTimeout(() => settle(() => reject(new Error(`not connected within ${EVENT_TIMEOUT_MS} ms`))), EVENT_TIMEOUT_MS);
    const settle = (finish: () => void) => {
      clearTimeout(timer);
      off();
      finish();
    };
    client.realtime.connect();
  });
}

/** A base URL on 127.0.0.1 where nothing listens: a port the OS just handed out and that was closed again. */
export async function deadUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve, reject) => probe.close((error) => (error ? reject(error) : resolve())));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Registers a test file's lifecycle: a real server (`options` as for `startTestServer`) started before all
 * tests and handed to `onStart`, the sockets of `pool`'s clients closed after each test, the server stopped
 * after all.
 */
export function useSdkServer(pool: ReturnType<typeof clientPool>, options: Parameters<typeof startTestServer>[0], onStart: (t: TestServer) => void): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
    onStart(server);
  });
  afterEach(() => pool.disconnectAll());
  afterAll(() => server?.close());
}

/**
 * A `getToken` that answers an expired token for `user` unless asked to refresh, then a valid one, and
 * `asked`, which records each call as `plain` or `refresh`.
 */
export async function refreshingTokenSource(
  t: TestServer,
  user: { id: string; role: 'client' },
): Promise<{ getToken: NonNullable<ParleyClientOptions['getToken']>; asked: string[] }> {
  const [expired, fresh] = [await t.token(user, -10), await t.token(user)];
  const asked: string[] = [];
  return {
    asked,
    getToken: (options) => {
      asked.push(options?.refresh ? 'refresh' : 'plain');
      return options?.refresh ? fresh : expired;
    },
  };
}
