import { describe, expect, it } from 'vitest';
import type { ParleyClient } from '@parley/sdk';
import { ParleyError } from '@parley/sdk';
import { dialects } from '../../server/test/support/databases.js';
import { createProject, signIn, uniqueId, type Actor } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { clientPool, connected, deadUrl, nextSdkEvent, nextStatus, recordStatuses, refreshingTokenSource, useSdkServer } from './support/sdk.js';

// The SDK's connection: status reporting (`onStatus`, `getStatus`), handshake refusals (contract § Identity:
// `connect_error` with `data.code = "UNAUTHENTICATED"`), `getToken` at every connection, and losing the connection.

describe.each(dialects)('ParleyClient realtime connection (%s)', (dialect) => {
  let t: TestServer;
  const pool = clientPool();
  useSdkServer(pool, { dialect }, (server) => (t = server));

  /** A client whose `getToken` counts its calls and answers `actor`'s token. */
  function counting(actor: Actor): { sdk: ParleyClient; calls: () => number } {
    let calls = 0;
    const sdk = pool.make(t, {
      getToken: () => {
        calls += 1;
        return actor.token;
      },
    });
    return { sdk, calls: () => calls };
  }

  /** The server's side of the client's socket (Socket.IO gives both ends the same id). */
  function serverSocketOf(sdk: ParleyClient) {
    const id = sdk.realtime.socket.id;
    const socket = id === undefined ? undefined : t.server.app.io.sockets.sockets.get(id);
    if (!socket) throw new Error(`no server-side socket for ${String(id)}`);
    return socket;
  }

  it('reports connecting, then connected, then disconnected after disconnect()', async () => {
    const sdk = pool.make(t, await signIn(t, { role: 'client' }));
    expect(sdk.realtime.getStatus()).toEqual({ state: 'disconnected', error: null });
    const seen = recordStatuses(sdk);
    await connected(sdk);
    expect(seen).toEqual([
      { state: 'connecting', error: null },
      { state: 'connected', error: null },
    ]);
    expect(sdk.realtime.getStatus()).toEqual({ state: 'connected', error: null });
    expect(sdk.realtime.socket.connected).toBe(true);

    sdk.realtime.connect(); // already open: changes nothing
    expect(seen.map((s) => s.state)).toEqual(['connecting', 'connected']);

    sdk.realtime.disconnect();
    expect(sdk.realtime.getStatus()).toEqual({ state: 'disconnected', error: null });
    expect(seen.map((s) => s.state)).toEqual(['connecting', 'connected', 'disconnected']);
    expect(sdk.realtime.socket.connected).toBe(false);
  });

  it('stops telling a status listener once its unsubscribe function ran', async () => {
    const sdk = pool.make(t, await signIn(t, { role: 'client' }));
    const seen: string[] = [];
    const off = sdk.realtime.onStatus((status) => seen.push(status.state));
    await connected(sdk);
    off();
    sdk.realtime.disconnect();
    expect(seen).toEqual(['connecting', 'connected']);
  });

  it('reports disconnected when disconnect() comes before the connection was made', async () => {
    const sdk = pool.make(t, await signIn(t, { role: 'client' }));
    sdk.realtime.connect();
    expect(sdk.realtime.getStatus().state).toBe('connecting');
    sdk.realtime.disconnect();
    expect(sdk.realtime.getStatus()).toEqual({ state: 'disconnected', error: null });
    expect(sdk.realtime.socket.active).toBe(false);
  });

  it('reports disconnected with UNAUTHENTICATED (401) for an expired token and does not retry', async () => {
    const expired = await t.token({ id: uniqueId('client'), role: 'client' }, -10);
    const sdk = pool.make(t, { token: expired });
    const refused = nextStatus(sdk, 'disconnected');
    sdk.realtime.connect();
    const status = await refused;
    expect(status.error).toBeInstanceOf(ParleyError);
    expect(status.error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(sdk.realtime.getStatus()).toBe(status);
    // A refused handshake is final for Socket.IO: no reconnection loop with a token that cannot work.
    expect(sdk.realtime.socket.active).toBe(false);
  });

  it('after a refused token asks getToken({refresh: true}) and connects with the new token on its own', async () => {
    const user = { id: uniqueId('client'), role: 'client' as const };
    const { getToken, asked } = await refreshingTokenSource(t, user);
    const sdk = pool.make(t, { getToken });
    const seen = recordStatuses(sdk);
    await connected(sdk).catch(() => undefined); // the first handshake is refused
    await nextStatus(sdk, 'connected');
    expect(asked).toEqual(['plain', 'refresh']);
    expect(seen.map((status) => status.error?.code ?? status.state)).toEqual(['connecting', 'UNAUTHENTICATED', 'connecting', 'connected']);
    expect(sdk.realtime.getStatus()).toEqual({ state: 'connected', error: null });
  });

  it('reports disconnected with NETWORK_ERROR (status 0) when nobody listens at the URL', async () => {
    const sdk = pool.at({ url: await deadUrl(), token: 'whatever' });
    const failed = new Promise<ParleyError>((resolve) => {
      const off = sdk.realtime.onStatus((status) => {
        if (!status.error) return;
        off();
        resolve(status.error);
      });
    });
    sdk.realtime.connect();
    const error = await failed;
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect(sdk.realtime.getStatus().state).not.toBe('connected');
  });

  it('rejects a live action with NETWORK_ERROR when no acknowledgement arrives in time', async () => {
    const sdk = pool.make(t, await signIn(t, { role: 'client' }));
    // Never connected, so the event waits in Socket.IO's buffer and its ack cannot come.
    const error = await sdk.realtime.request('conversation:leave', { conversationId: 'x' }, 50).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('after the server disconnects the socket: reports disconnected, stays so, and connect() reconnects with a new token', async () => {
    const { provider, client, conversation } = await createProject(t);
    const { sdk, calls } = counting(provider);
    await connected(sdk);
    expect(calls()).toBe(1);
    const heard: string[] = [];
    sdk.on('message:new', ({ message }) => heard.push(message.text ?? ''));

    const down = nextStatus(sdk, 'disconnected');
    serverSocketOf(sdk).disconnect();
    expect(await down).toEqual({ state: 'disconnected', error: null });
    // A server-side disconnect is deliberate: Socket.IO does not reconnect on its own.
    expect(sdk.realtime.socket.active).toBe(false);

    await connected(sdk);
    expect(calls()).toBe(2);
    // Listeners registered before survive the reconnection.
    const arrived = nextSdkEvent(sdk, 'message:new', ({ message }) => message.text === 'after reconnecting');
    await pool.make(t, client).messages.send(conversation.id, { text: 'after reconnecting' });
    await arrived;
    expect(heard).toEqual(['after reconnecting']);
  });

  it('after the connection drops: reports disconnected, then reconnects on its own with a fresh getToken call', async () => {
    const { provider, client, conversation } = await createProject(t);
    const { sdk, calls } = counting(provider);
    await connected(sdk);
    const seen = recordStatuses(sdk);

    const back = nextStatus(sdk, 'connected');
    // The transport closes without a Socket.IO disconnect packet, as when the network drops.
    serverSocketOf(sdk).conn.close();
    await back;
    expect(seen.map((s) => s.state)).toEqual(['disconnected', 'connecting', 'connected']);
    expect(calls()).toBe(2);

    const arrived = nextSdkEvent(sdk, 'message:new', ({ message }) => message.text === 'after the drop');
    await pool.make(t, client).messages.send(conversation.id, { text: 'after the drop' });
    expect((await arrived).message.conversationId).toBe(conversation.id);
  });
});
