/**
 * A load worker process: owns the sockets of a share of the conversations (all participants of a
 * conversation live in the same worker, so sender and receivers read the same clock), runs the
 * open-loop timetables the coordinator sends, and reports hdr histograms back over IPC.
 * Started by `bench/delivery/workers.ts` with `node --import tsx`; exits when told to or when its parent goes.
 */
import { io } from 'socket.io-client';
import { runOpenLoop, type BenchSocket, type LiveConversation } from './open-loop.js';
import type { BenchConversation, FromWorker, TargetKind, ToWorker } from './wire.js';

let conversations: LiveConversation[] = [];

function reply(message: FromWorker): void {
  process.send?.(message);
}

/** Opens one socket and resolves once connected; rejects on `connect_error` or after `timeoutMs`. */
function connectOne(url: string, target: TargetKind, conversationId: string, userId: string, token: string | undefined, timeoutMs: number): Promise<BenchSocket> {
  const auth = target === 'relay' ? { userId, conversationId } : { token: token ?? '' };
  const socket: BenchSocket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: timeoutMs });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`socket of ${userId} did not connect: ${error.message}`));
    });
  });
}

/** Connects every participant of every conversation, `concurrency` handshakes at a time. */
async function connectAll(url: string, target: TargetKind, list: readonly BenchConversation[], concurrency: number, timeoutMs: number): Promise<LiveConversation[]> {
  const jobs = list.flatMap((conversation, c) => conversation.members.map((member, m) => ({ c, m, conversation, member })));
  const live: LiveConversation[] = list.map((conversation) => ({ id: conversation.id, sockets: [], senders: conversation.senders ?? conversation.members.length }));
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next];
      next += 1;
      if (!job) return;
      const socket = await connectOne(job.member.url ?? url, target, job.conversation.id, job.member.userId, job.member.token, timeoutMs);
      // In member order (the first `senders` send), whichever handshake finished first.
      const sockets = live[job.c]?.sockets;
      if (sockets) sockets[job.m] = { userId: job.member.userId, socket };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return live;
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init':
      conversations = await connectAll(message.url, message.target, message.conversations, message.connectConcurrency, message.connectTimeoutMs);
      reply({ type: 'ready', sockets: conversations.reduce((sum, c) => sum + c.sockets.length, 0) });
      return;
    case 'run':
      reply({ type: 'result', report: await runOpenLoop(conversations, message.plan) });
      return;
    case 'stop':
      for (const conversation of conversations) for (const { socket } of conversation.sockets) socket.close();
      process.exit(0);
  }
}

process.on('message', (message: ToWorker) => {
  handle(message).catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
});
process.on('disconnect', () => process.exit(0));
