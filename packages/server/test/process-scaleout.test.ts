import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '@parley/protocol';
import { ParleyClient } from '@parley/sdk';
import { connectionName } from '../src/scale-out.js';
import { createTestDatabase, dialects, type TestDatabase } from './support/databases.js';
import { expectStatus } from './support/factories.js';
import { createProjectThrough, killAll, startParley, within, type ParleyProcess, type ProcessProject } from './support/processes.js';
import { openClient, startRedisServer, type OwnRedis } from './support/redis.js';
import { startTcpBalancer } from './support/tcp-balancer.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Resolves with the first `event` payload on `socket` that `match` accepts (bounded). */
function next<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E, match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true) {
  return within(
    new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve) => {
      const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
        if (!match(payload)) return;
        socket.off(event, listener as never);
        resolve(payload);
      };
      socket.on(event, listener as never);
    }),
    15_000,
    `no ${event} on the socket`,
  );
}

/**
 * Resolves once `holds()` is true: checked now and after every message `sdk`'s stream delivers; after `ms` it resolves
 * anyway, and the caller's assertions then say what is missing.
 */
function untilDelivered(sdk: ParleyClient, holds: () => boolean, ms: number): Promise<void> {
  let off = () => {};
  const reached = new Promise<void>((resolve) => {
    if (holds()) return resolve();
    off = sdk.stream.onMessage(() => holds() && resolve());
  });
  return within(reached, ms, 'not delivered in time')
    .catch(() => undefined)
    .finally(() => off());
}

/**
 * Issue 8, acceptance: three Parley processes on one PostgreSQL database and one Redis (its own, on a spare port),
 * clients spread over them.
 */
describe.skipIf(!dialects.includes('postgres'))('three processes on PostgreSQL and Redis', () => {
  let redis: OwnRedis;
  let database: TestDatabase;
  let servers: ParleyProcess[];
  let project: ProcessProject;
  const sockets: ClientSocket[] = [];

  const connect = (server: ParleyProcess, token: string): Promise<ClientSocket> => {
    const socket: ClientSocket = io(server.url, { auth: { token }, transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    return within(new Promise((resolve, reject) => socket.once('connect', () => resolve(socket)).once('connect_error', reject)), 15_000, 'socket did not connect');
  };
  const at = (index: number): ParleyProcess => {
    const server = servers[index % servers.length];
    if (!server) throw new Error('no server');
    return server;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    database = await createTestDatabase('postgres');
    const env = { PARLEY_DATABASE_URL: database.url, PARLEY_REDIS_URL: redis.url, PARLEY_SEND_RATE: '0' };
    servers = await Promise.all([startParley(env), startParley(env), startParley(env)]);
    project = await createProjectThrough(at(0));
  }, 60_000);
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await killAll();
    await database?.drop();
    await redis?.close();
  });

  it('carries messages, typing, reads, presence and notifications across processes', async () => {
    const { client, provider, conversationId } = project;
    const clientSocket = await connect(at(1), client.token);
    const providerOnline = next(clientSocket, 'presence:update', ({ userId, online }) => userId === provider.id && online);
    const providerSocket = await connect(at(2), provider.token);
    await providerOnline;

    // The provider is not viewing the conversation: the client's message (sent to process 0) notifies them on process 2.
    const notified = next(providerSocket, 'notification:new', ({ notification }) => notification.conversationId === conversationId);
    const delivered = next(providerSocket, 'message:new', ({ message }) => message.text === 'across processes');
    const sent = await expectStatus(at(0).api(client.token, 'POST', `/conversations/${conversationId}/messages`, { text: 'across processes' }), 201);
    expect((await delivered).message.id).toBe(sent.id);
    expect((await notified).notification.messageId).toBe(sent.id);

    const typing = next(providerSocket, 'conversation:typing', ({ userId, isTyping }) => userId === client.id && isTyping);
    clientSocket.emit('conversation:typing', { conversationId, isTyping: true }, () => undefined);
    await typing;

    const read = next(clientSocket, 'conversation:read', ({ userId }) => userId === provider.id);
    providerSocket.emit('conversation:markRead', { conversationId, seq: sent.seq }, () => undefined);
    expect((await read).lastReadSeq).toBe(sent.seq);

    const providerOffline = next(clientSocket, 'presence:update', ({ userId, online }) => userId === provider.id && !online);
    providerSocket.disconnect();
    await providerOffline;
  });

  it('keeps seq gap-free and every message once: 20 writers on three processes send 500 messages each', async () => {
    const { client, provider, conversationId } = project;
    const writers = Array.from({ length: 20 }, (_, w) => ({ server: at(w), token: w % 2 === 0 ? client.token : provider.token, w }));
    await Promise.all(
      writers.map(async ({ server, token, w }) => {
        for (let i = 0; i < 500; i += 1) {
          await expectStatus(server.api(token, 'POST', `/conversations/${conversationId}/messages`, { text: `w${w} m${i}`, clientId: `w${w}-m${i}` }), 201);
        }
      }),
    );
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: string; top: number; distinct_seqs: string; bench: string }>(
        `select count(*) as n, max(seq) as top, count(distinct seq) as distinct_seqs, count(*) filter (where text like 'w% m%') as bench
           from messages where conversation_id = $1`,
        [conversationId],
      );
      const [row] = rows;
      expect(Number(row?.bench)).toBe(10_000);
      expect(Number(row?.n)).toBe(Number(row?.top));
      expect(Number(row?.distinct_seqs)).toBe(Number(row?.top));
    } finally {
      await db.end();
    }
  }, 240_000);

  /**
   * An SDK client on `server` following the project conversation from its newest message, connected, and shown live by
   * a first message sent through process 0: what its stream delivers, and how many deliveries were repeats.
   */
  const openReader = async (server: ParleyProcess) => {
    const { client, provider, conversationId } = project;
    const sdk = new ParleyClient({ url: server.url, token: provider.token });
    const seen = new Set<string>();
    const counts = { twice: 0 };
    sdk.stream.onMessage((message) => {
      if (message.conversationId !== conversationId) return;
      if (seen.has(message.id)) counts.twice += 1;
      seen.add(message.id);
    });
    const history = await sdk.messages.list(conversationId, { limit: 1 });
    sdk.stream.track(conversationId, history.items.at(-1)?.seq ?? 0);
    const connected = new Promise<void>((resolve) => {
      if (sdk.realtime.getStatus().state === 'connected') resolve();
      sdk.realtime.onStatus(({ state }) => state === 'connected' && resolve());
    });
    sdk.realtime.connect();
    await within(connected, 15_000, 'the SDK did not connect');
    // Its first sync cursor is set once connected: a message now proves the stream is live.
    const warm = await expectStatus(at(0).api(client.token, 'POST', `/conversations/${conversationId}/messages`, { text: 'the reader is live' }), 201);
    await untilDelivered(sdk, () => seen.has(warm.id), 15_000);
    expect(seen.has(warm.id)).toBe(true);
    return { sdk, seen, counts };
  };

  it('survives Redis going away for 10 s: sends keep succeeding, and clients catch up within 15 s of its return', async () => {
    const { client, conversationId } = project;
    const { sdk: reader, seen, counts } = await openReader(at(2));
    try {
      await redis.stop();
      const sentDuringOutage: string[] = [];
      const outageEnds = Date.now() + 10_000;
      for (let i = 0; Date.now() < outageEnds; i += 1) {
        // Only through the reader's two other processes: nothing it receives itself would reveal a gap in seq.
        const message = await expectStatus(at(i % 2).api(client.token, 'POST', `/conversations/${conversationId}/messages`, { text: `during outage ${i}` }), 201);
        sentDuringOutage.push(message.id);
      }
      for (const server of servers) expect((await server.api(null, 'GET', '/health')).body).toMatchObject({ status: 'ok', degraded: ['redis'] });
      await redis.start();
      // Each Redis connection of each process comes back on its own backoff (up to 5 s apart). Keep sending through the
      // other two processes while any process says it is degraded, and no longer: a message whose publish failed on a
      // connection still away must come to the reader through the catch-up that the process's recovery announces.
      const sentOnReturn: string[] = [];
      const whole = async () => (await Promise.all(servers.map((server) => server.api(null, 'GET', '/health')))).every(({ body }) => body.degraded === undefined);
      const returnEnds = Date.now() + 20_000;
      for (let i = 0; !(await whole()) && Date.now() < returnEnds; i += 1) {
        const message = await expectStatus(at(i % 2).api(client.token, 'POST', `/conversations/${conversationId}/messages`, { text: `as Redis returns ${i}` }), 201);
        sentOnReturn.push(message.id);
      }
      for (const server of servers) expect((await server.api(null, 'GET', '/health')).body).toEqual({ status: 'ok' });
      const sent = [...sentDuringOutage, ...sentOnReturn];
      await untilDelivered(reader, () => sent.every((id) => seen.has(id)), 15_000);
      expect(sent.filter((id) => !seen.has(id))).toEqual([]);
      expect(counts.twice).toBe(0);
      for (const server of servers) expect(server.process.child.exitCode).toBeNull();
    } finally {
      reader.realtime.disconnect();
    }
  }, 90_000);

  it("has every process's sockets catch up when one process's adapter connections drop alone", async () => {
    const { client, conversationId } = project;
    const { sdk: reader, seen } = await openReader(at(2));
    const admin = await openClient(redis.url);
    try {
      const name = connectionName('adapter', at(1).process.child.pid);
      const ids = (await admin.clientList()).filter((connection) => connection.name === name).map((connection) => connection.id);
      // The adapter's publisher, its stream reader and its subscriber.
      expect(ids.length).toBe(3);
      // Their reconnection then waits out a 3 s pause of every client (the kills, sent first on this connection, are not paused).
      await Promise.all([...ids.map((id) => admin.sendCommand(['CLIENT', 'KILL', 'ID', String(id)])), admin.sendCommand(['CLIENT', 'PAUSE', '3000', 'ALL'])]);
      // Meanwhile process 1's publish fails, and nothing sent after it would reveal the gap: only the catch-up announced
      // once its connections are back can bring this message to the reader.
      const lost = await expectStatus(at(1).api(client.token, 'POST', `/conversations/${conversationId}/messages`, { text: 'while process 1 reconnects' }), 201);
      await untilDelivered(reader, () => seen.has(lost.id), 15_000);
      expect(seen.has(lost.id)).toBe(true);
      for (const server of servers) expect((await server.api(null, 'GET', '/health')).body).toEqual({ status: 'ok' });
    } finally {
      reader.realtime.disconnect();
      await admin.close();
    }
  }, 60_000);

  it('loses no acknowledged message and shows none twice when a process is killed mid-stream', async () => {
    const { client, provider, conversationId } = project;
    const balancer = await startTcpBalancer(servers.map((server) => new URL(server.url)));
    const clients: ParleyClient[] = [];
    const make = (token: string) => {
      const sdk = new ParleyClient({ url: balancer.url, token });
      clients.push(sdk);
      sdk.realtime.connect();
      return sdk;
    };
    try {
      const start = (await expectStatus(at(1).api(client.token, 'GET', `/conversations/${conversationId}/messages?limit=1`), 200)).items.at(-1)?.seq ?? 0;
      const readers = [make(provider.token), make(client.token), make(provider.token)].map((sdk) => {
        const seen = new Map<string, number>();
        // What a failure report needs: how often the reader (re)connected, and the highest seq it was given.
        const story = { connects: 0, highestSeq: start, errors: [] as string[], live: new Set<number>() };
        sdk.realtime.onStatus(({ state }) => state === 'connected' && (story.connects += 1));
        sdk.stream.onError((error) => story.errors.push(String(error)));
        sdk.realtime.on('message:new', ({ message }) => story.live.add(message.seq));
        sdk.stream.onMessage((message) => {
          if (message.conversationId !== conversationId) return;
          seen.set(message.id, (seen.get(message.id) ?? 0) + 1);
          story.highestSeq = Math.max(story.highestSeq, message.seq);
        });
        sdk.stream.track(conversationId, start);
        return { sdk, seen, story };
      });
      const writers = [make(client.token), make(provider.token), make(client.token)];
      const acked: string[] = [];
      const seqOf = new Map<string, number>();
      let killed = false;
      await Promise.all(
        writers.map(async (writer, w) => {
          for (let i = 0; i < 60; i += 1) {
            const entry = await writer.outbox.send(conversationId, { text: `kill test w${w} m${i}` });
            if (entry.status === 'sent' && entry.message) {
              acked.push(entry.message.id);
              seqOf.set(entry.message.id, entry.message.seq);
            }
            if (!killed && acked.length >= 40) {
              killed = true;
              // Some of these clients' connections went to the process about to die.
              expect(balancer.connections.get(new URL(at(0).url).host) ?? 0).toBeGreaterThan(0);
              at(0).process.child.kill('SIGKILL');
            }
          }
        }),
      );
      expect(killed).toBe(true);
      expect(acked.length).toBeGreaterThan(150);
      // Each reader's catch-up runs on its own schedule after its reconnection.
      await Promise.all(readers.map(({ sdk, seen }) => untilDelivered(sdk, () => acked.every((id) => seen.has(id)), 30_000)));
      const missing = readers.map(({ seen, story }, reader) => {
        const missingSeqs = acked.filter((id) => !seen.has(id)).map((id) => seqOf.get(id) ?? 0);
        return { reader, connects: story.connects, highestSeq: story.highestSeq, errors: story.errors, missingSeqs, missingButLive: missingSeqs.filter((seq) => story.live.has(seq)) };
      });
      const highestAcked = Math.max(...seqOf.values());
      expect(readers.flatMap(({ seen }) => acked.filter((id) => !seen.has(id))), JSON.stringify({ highestAcked, readers: missing })).toEqual([]);
      expect(readers.flatMap(({ seen }) => [...seen.values()].filter((count) => count > 1))).toEqual([]);
    } finally {
      for (const sdk of clients) sdk.realtime.disconnect();
      await balancer.close();
    }
  }, 120_000);
});
