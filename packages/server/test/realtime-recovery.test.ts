import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, expectStatus, sendMessage, signIn, uniqueId, type Actor } from './support/factories.js';
import { emitWithAck, nextEvent } from './support/events.js';
import { startTestServer, type TestServer, type TestSocket } from './support/server.js';

/**
 * Socket.IO connection state recovery (issue 4, guarantee 4) is an optimisation on top of catch-up: a socket
 * back within the window gets the events it missed, but its token is checked again and its restored rooms
 * are re-checked against its (new) token's user.
 */
describe('connection state recovery', () => {
  let t: TestServer;
  const opened: TestSocket[] = [];
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    for (const socket of opened) socket.disconnect();
    await t.close();
  });

  /**
   * A socket that never reconnects by itself (the test reconnects it), connected, viewing `conversationId`,
   * that has received one broadcast (Socket.IO recovers from the offset of the last broadcast received).
   */
  async function viewingSocket(token: string, conversationId: string, sender: Actor): Promise<TestSocket> {
    const socket: TestSocket = io(t.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    opened.push(socket);
    await nextEvent(socket, 'connect' as never);
    expect(await emitWithAck(socket, 'conversation:join', { conversationId })).toMatchObject({ ok: true });
    const first = nextEvent(socket, 'message:new');
    await expectStatus(sendMessage(t, sender, conversationId, { text: 'first' }), 201);
    await first;
    return socket;
  }
  /** The server's view of a client socket's rooms. */
  const serverRooms = (socket: TestSocket) => [...(t.server.app.io.sockets.sockets.get(socket.id ?? '')?.rooms ?? [])].sort();
  /** Cuts the transport (not a client-side disconnect, which would end the session) and waits until the server saw it. */
  async function cutTransport(socket: TestSocket): Promise<void> {
    const onServer = t.server.app.io.sockets.sockets.get(socket.id ?? '');
    if (!onServer) throw new Error('socket not on the server');
    const gone = new Promise((resolve) => onServer.once('disconnect', resolve));
    socket.io.engine.close();
    await gone;
  }
  /** Reconnects with `token` and resolves once connected (or rejects with the handshake error). */
  function reconnect(socket: TestSocket, token: string): Promise<void> {
    socket.auth = { token };
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
      socket.connect();
    });
  }

  it('replays what a socket missed and restores its rooms', async () => {
    const { client, provider, conversation } = await createProject(t);
    const socket = await viewingSocket(client.token, conversation.id, provider);
    const roomsBefore = serverRooms(socket);
    await cutTransport(socket);
    const missed = await expectStatus(sendMessage(t, provider, conversation.id, { text: 'while you were away', clientId: uniqueId('c') }), 201);
    const replayed = nextEvent(socket, 'message:new', ({ message }) => message.id === missed.id);
    await reconnect(socket, client.token);
    expect(socket.recovered).toBe(true);
    expect((await replayed).message).toEqual(missed);
    await expect.poll(() => serverRooms(socket)).toEqual(roomsBefore);
    expect(roomsBefore).toContain(`conversation:${conversation.id}`);
  });

  it('checks the token again: a refused token gets UNAUTHENTICATED, not a session', async () => {
    const { client, provider, conversation } = await createProject(t);
    const socket = await viewingSocket(client.token, conversation.id, provider);
    await cutTransport(socket);
    await expect(reconnect(socket, 'not-a-token')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    expect(socket.connected).toBe(false);
  });

  it('keeps only the rooms the re-authenticated user may be in', async () => {
    const { client, provider, conversation } = await createProject(t);
    const stranger = await signIn(t, { role: 'client' });
    const socket = await viewingSocket(client.token, conversation.id, provider);
    await cutTransport(socket);
    await reconnect(socket, stranger.token);
    expect(socket.recovered).toBe(true);
    await expect.poll(() => serverRooms(socket)).toEqual([socket.id, `user:${stranger.id}`].sort());
    // A new message in the client's conversation no longer reaches this socket. Fan-out emits before the
    // REST answer, and packets on one socket arrive in order, so after one ack round trip it would be here.
    const received: string[] = [];
    socket.on('message:new', ({ message }) => received.push(message.id));
    const after = await expectStatus(sendMessage(t, provider, conversation.id, { text: 'not for the stranger' }), 201);
    expect(await emitWithAck(socket, 'conversation:leave', { conversationId: conversation.id })).toMatchObject({ ok: true });
    expect(received).not.toContain(after.id);
    expect(client.id).not.toBe(stranger.id);
  });
});
