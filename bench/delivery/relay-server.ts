/**
 * The baseline: a raw Socket.IO relay with no auth and no persistence. Each socket names its user and
 * conversation in the handshake (`auth: {userId, conversationId}`) and joins that conversation's room;
 * `message:send` is acknowledged and re-emitted as `message:new` to the whole room (the sender's socket
 * included, as Parley does), with a message object shaped like Parley's. Listens on 127.0.0.1:$PORT and
 * answers `GET /health` once up. Run by `bench/delivery/run.ts`; not part of Parley.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import type { BenchClientEvents, BenchServerEvents } from './wire.js';

interface RelaySocketData {
  userId: string;
  conversationId: string;
}

const port = Number(process.env.PORT ?? '0');
const http = createServer((request, response) => {
  response.writeHead(request.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
  response.end('{"status":"ok"}');
});
const io = new Server<BenchClientEvents, BenchServerEvents, Record<string, never>, RelaySocketData>(http, { serveClient: false, perMessageDeflate: false });
let nextId = 0;

io.use((socket, next) => {
  const auth: unknown = socket.handshake.auth;
  if (typeof auth !== 'object' || auth === null || !('userId' in auth) || !('conversationId' in auth)) return next(new Error('auth {userId, conversationId} required'));
  const { userId, conversationId } = auth;
  if (typeof userId !== 'string' || typeof conversationId !== 'string') return next(new Error('auth {userId, conversationId} must be strings'));
  socket.data = { userId, conversationId };
  next();
});

io.on('connection', (socket) => {
  const { userId, conversationId } = socket.data;
  void socket.join(conversationId);
  socket.on('message:send', (payload, ack) => {
    nextId += 1;
    const now = new Date().toISOString();
    const message = {
      id: `relay-${nextId}`,
      conversationId,
      seq: nextId,
      senderId: userId,
      type: 'text',
      text: payload.text,
      createdAt: now,
      editedAt: null,
      deletedAt: null,
      clientId: payload.clientId,
      replyToId: null,
      attachments: [],
      reactions: [],
      mentions: [],
    };
    io.to(conversationId).emit('message:new', { message });
    if (typeof ack === 'function') ack({ ok: true, data: message });
  });
});

http.listen(port, '127.0.0.1');
const shutdown = () => {
  void io.close();
  http.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
