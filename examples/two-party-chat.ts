/**
 * Two-party chat: a client and a provider talk in their project conversation over Socket.IO.
 *
 * Run a demo server (`npm start`), then `npm run example:chat` (or set PARLEY_URL to another server).
 * The example
 *   1. signs in as Alice (client) and Paul (provider) through the development route `POST /api/dev/token`,
 *   2. finds their shared project conversation with `GET /api/conversations`,
 *   3. connects one socket per user and joins the conversation on both,
 *   4. shows Alice's typing indicator reaching Paul,
 *   5. exchanges three messages and prints each one's delivery latency (send → the other side's `message:new`),
 *   6. has Paul mark the last one read and waits for Alice's `message:read` and `conversation:read`.
 * It exits 0 when everything arrived, and 1 with the reason on an error or after 15 s.
 * The wire contract it follows is shared/spec/api.md (§ Identity, § Realtime).
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import {
  ConversationPageSchema,
  DevTokenResultSchema,
  type Ack,
  type ClientToServerEvents,
  type Conversation,
  type MessageNewEvent,
  type ServerToClientEvents,
  type TypingEvent,
} from '@parley/protocol';

/** A socket typed with Parley's event maps: `on` and `emit` only accept the contract's events. */
type ParleySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const BASE_URL = process.env.PARLEY_URL ?? 'http://localhost:3000';
/** The whole run must finish within this bound (ms). */
const DEADLINE_MS = 15_000;

const sockets: ParleySocket[] = [];
/** What we are waiting for right now, so a timeout can say what never came. */
let step = 'starting';

/** Closes every socket and exits; 1 with a message on failure. */
function finish(error?: unknown): never {
  for (const socket of sockets) socket.disconnect();
  if (error !== undefined) {
    console.error(`two-party-chat failed while ${step}: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  }
  process.exit(error === undefined ? 0 : 1);
}

/** Signs in as a demo user; the server must run with PARLEY_DEV_AUTH=1 (`npm start` sets it). */
async function signIn(userId: string): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  }).catch((error: unknown) => {
    // fetch says only "fetch failed"; the reason (e.g. ECONNREFUSED) is its cause.
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : 'unreachable';
    throw new Error(`cannot reach ${BASE_URL} (${reason}); start a server with \`npm start\` or set PARLEY_URL`);
  });
  if (!response.ok) throw new Error(`POST /api/dev/token for ${userId} answered ${response.status}: ${await response.text()}`);
  return DevTokenResultSchema.parse(await response.json()).token;
}

/** The project conversation `token`'s user shares with `otherUserId`. */
async function findSharedConversation(token: string, otherUserId: string): Promise<Conversation> {
  const response = await fetch(`${BASE_URL}/api/conversations`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/conversations answered ${response.status}: ${await response.text()}`);
  const page = ConversationPageSchema.parse(await response.json());
  const shared = page.items.find((c) => c.kind === 'project' && c.participants.some((p) => p.userId === otherUserId));
  if (!shared) throw new Error(`no project conversation with ${otherUserId}; is this the demo workspace?`);
  return shared;
}

/** Opens a socket authenticated with `token` (handshake `auth: {token}`); rejects on `connect_error`. */
function connect(token: string): Promise<ParleySocket> {
  const socket: ParleySocket = io(BASE_URL, { auth: { token }, reconnection: false });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(new Error(`socket connection refused: ${error.message}`)));
  });
}

/** Unwraps an acknowledgement `{ok, data}`; a refusal `{ok: false, error}` becomes an exception. */
function unwrap<T>(ack: Ack<T>, what: string): T | undefined {
  if (!ack.ok) throw new Error(`${what} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** One side of the conversation: a demo user and their socket. */
interface Party {
  id: string;
  name: string;
  socket: ParleySocket;
}

async function main(): Promise<void> {
  setTimeout(() => finish(new Error(`no answer within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS).unref();
  console.log(`Parley at ${BASE_URL}`);

  step = 'signing in';
  const aliceToken = await signIn('client-alice');
  const paulToken = await signIn('provider-paul');

  step = 'finding the shared conversation';
  const conversation = await findSharedConversation(aliceToken, 'provider-paul');
  const conversationId = conversation.id;
  const nameOf = (userId: string) => conversation.participants.find((p) => p.userId === userId)?.name ?? userId;

  step = 'connecting and joining';
  const alice: Party = { id: 'client-alice', name: nameOf('client-alice'), socket: await connect(aliceToken) };
  const paul: Party = { id: 'provider-paul', name: nameOf('provider-paul'), socket: await connect(paulToken) };
  for (const { socket } of [alice, paul]) unwrap(await socket.emitWithAck('conversation:join', { conversationId }), 'conversation:join');
  console.log(`${alice.name} and ${paul.name} joined "${conversation.title}" (${conversation.lastMessage?.seq ?? 0} messages so far)`);

  // Typing: Alice says she is typing; the server relays it to the other participants only.
  step = 'waiting for the typing indicator';
  const typingSeen = new Promise<TypingEvent>((resolve) => {
    paul.socket.on('conversation:typing', (event) => {
      if (event.conversationId === conversationId && event.userId === alice.id && event.isTyping) resolve(event);
    });
  });
  unwrap(await alice.socket.emitWithAck('conversation:typing', { conversationId, isTyping: true }), 'conversation:typing');
  await typingSeen;
  console.log(`${paul.name} sees ${alice.name} typing…`);

  // Messages: each goes out with a clientId (its idempotency key), which the receiver finds again in `message:new`.
  const script: [from: Party, to: Party, text: string][] = [
    [alice, paul, 'The wireframes look great. Can we drop the coupon field?'],
    [paul, alice, 'Sure, it moves behind a link under the total.'],
    [alice, paul, 'Perfect, go ahead with the high-fidelity designs.'],
  ];
  const latencies: number[] = [];
  let lastSeq = 0;
  for (const [index, [from, to, text]] of script.entries()) {
    step = `delivering message ${index + 1} to ${to.name}`;
    const clientId = `example-${process.pid}-${Date.now()}-${index}`;
    const deliveredAt = new Promise<number>((resolve) => {
      const onNew = ({ message }: MessageNewEvent) => {
        if (message.clientId !== clientId) return;
        to.socket.off('message:new', onNew);
        resolve(performance.now());
      };
      to.socket.on('message:new', onNew);
    });
    const sentAt = performance.now();
    const stored = unwrap(await from.socket.emitWithAck('message:send', { conversationId, text, clientId }), 'message:send');
    const latency = (await deliveredAt) - sentAt;
    latencies.push(latency);
    lastSeq = stored?.seq ?? lastSeq;
    console.log(`${from.name} → ${to.name} (seq ${lastSeq}) delivered in ${latency.toFixed(1)} ms: "${text}"`);
  }

  // Read receipt: Paul reads up to the last message; Alice, its sender, hears it twice:
  // `message:read` names the newest message the read covers, `conversation:read` the new read position.
  step = 'waiting for the read receipt';
  const messageRead = new Promise<void>((resolve) => {
    alice.socket.on('message:read', (event) => {
      if (event.userId === paul.id && event.seq === lastSeq) resolve();
    });
  });
  const conversationRead = new Promise<void>((resolve) => {
    alice.socket.on('conversation:read', (event) => {
      if (event.userId === paul.id && event.lastReadSeq === lastSeq) resolve();
    });
  });
  unwrap(await paul.socket.emitWithAck('conversation:markRead', { conversationId, seq: lastSeq }), 'conversation:markRead');
  await Promise.all([messageRead, conversationRead]);
  console.log(`${alice.name} sees ${paul.name} read up to seq ${lastSeq} (message:read and conversation:read)`);

  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (value: number | undefined) => `${(value ?? 0).toFixed(1)} ms`;
  console.log(`All ${latencies.length} messages delivered: min ${ms(sorted[0])}, median ${ms(sorted[Math.floor(sorted.length / 2)])}, max ${ms(sorted.at(-1))}`);
}

main().then(
  () => finish(),
  (error: unknown) => finish(error),
);
