import type { Histogram } from 'hdr-histogram-js';
import type { Socket } from 'socket.io-client';
import { createLatencyHistogram, encodeHistogram, recordMicros } from './histogram.js';
import type { BenchClientEvents, BenchServerEvents, RunPlan, RunReport, SendAck } from './wire.js';

/** A connected participant socket. */
export type BenchSocket = Socket<BenchServerEvents, BenchClientEvents>;

/** A conversation as a load worker holds it: its id and one connected socket per participant, in member order. */
export interface LiveConversation {
  id: string;
  sockets: { userId: string; socket: BenchSocket }[];
  /** The first `senders` sockets take turns sending. */
  senders: number;
}

/** Wall-clock time in ms with sub-ms resolution; one clock for sender and receivers (same process). */
export const now = (): number => performance.timeOrigin + performance.now();

/** Longest wait between two timetable checks (ms): bounds timer drift without spinning. */
const MAX_TICK_MS = 5;

/** Text of message `index` of run `runId`, intended at `intendedMs` (epoch ms), padded like a short chat line. */
export function messageText(runId: number, intendedMs: number, index: number): string {
  return `${runId}|${intendedMs.toFixed(3)}|bench message ${index}: the quick brown fox jumps over the lazy dog`;
}

/** Reads `[runId, intendedMs]` back from a message text, or undefined for a foreign text. */
export function parseText(text: string): [number, number] | undefined {
  const [run, intended] = text.split('|', 3);
  const runId = Number(run);
  const intendedMs = Number(intended);
  return Number.isFinite(runId) && Number.isFinite(intendedMs) ? [runId, intendedMs] : undefined;
}

/** The recording side of one run: the listeners and counters all sockets share. */
interface Recorder {
  plan: RunPlan;
  windowStart: number;
  windowEnd: number;
  delivery: Histogram;
  ack: Histogram;
  sendLag: Histogram;
  counts: { sent: number; acked: number; ackErrors: number; expected: number; delivered: number };
}

/**
 * Runs one open-loop timetable: message i is due at `startAt + i / rate` whatever happened to earlier
 * sends, and carries that intended time, so latency = receive time − intended time has no coordinated
 * omission. Message i goes to conversation i mod C, from participant ⌊i / C⌋ mod S (S senders, K by default). Only messages
 * intended inside [startAt + warmupMs, + durationMs) are recorded. Resolves after the drain.
 */
export async function runOpenLoop(conversations: readonly LiveConversation[], plan: RunPlan): Promise<RunReport> {
  const windowStart = plan.startAt + plan.warmupMs;
  const recorder: Recorder = {
    plan,
    windowStart,
    windowEnd: windowStart + plan.durationMs,
    delivery: createLatencyHistogram(),
    ack: createLatencyHistogram(),
    sendLag: createLatencyHistogram(),
    counts: { sent: 0, acked: 0, ackErrors: 0, expected: 0, delivered: 0 },
  };
  const detach = attachReceivers(conversations, recorder);
  try {
    await sendTimetable(conversations, recorder);
    await drain(recorder);
  } finally {
    detach();
  }
  await settle(conversations, plan.ackTimeoutMs);
  const report: RunReport = {
    runId: plan.runId,
    delivery: encodeHistogram(recorder.delivery),
    ack: encodeHistogram(recorder.ack),
    sendLag: encodeHistogram(recorder.sendLag),
    ...recorder.counts,
  };
  for (const h of [recorder.delivery, recorder.ack, recorder.sendLag]) h.destroy();
  return report;
}

function inWindow(recorder: Recorder, intendedMs: number): boolean {
  return intendedMs >= recorder.windowStart && intendedMs < recorder.windowEnd;
}

/** Listens to `message:new` on every socket; returns the function that stops listening. */
function attachReceivers(conversations: readonly LiveConversation[], recorder: Recorder): () => void {
  const removers: (() => void)[] = [];
  for (const conversation of conversations) {
    for (const { userId, socket } of conversation.sockets) {
      const listener = ({ message }: { message: { senderId: string | null; text: string } }) => {
        const received = now();
        if (message.senderId === userId) return; // the sender's own copy is not a delivery to another participant
        const parsed = parseText(message.text);
        if (!parsed || parsed[0] !== recorder.plan.runId || !inWindow(recorder, parsed[1])) return;
        recorder.counts.delivered += 1;
        recordMicros(recorder.delivery, (received - parsed[1]) * 1000);
      };
      socket.on('message:new', listener);
      removers.push(() => socket.off('message:new', listener));
    }
  }
  return () => removers.forEach((remove) => remove());
}

/** Emits every message of the timetable at (or as soon as possible after) its intended time. */
async function sendTimetable(conversations: readonly LiveConversation[], recorder: Recorder): Promise<void> {
  const { plan } = recorder;
  const total = Math.floor((plan.rate * (plan.warmupMs + plan.durationMs)) / 1000);
  const intervalMs = 1000 / plan.rate;
  let index = 0;
  while (index < total) {
    const current = now();
    while (index < total && plan.startAt + index * intervalMs <= current) {
      send(conversations, recorder, index, plan.startAt + index * intervalMs);
      index += 1;
    }
    if (index >= total) break;
    const wait = Math.min(MAX_TICK_MS, Math.max(0, plan.startAt + index * intervalMs - now()));
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

function send(conversations: readonly LiveConversation[], recorder: Recorder, index: number, intendedMs: number): void {
  const conversation = conversations[index % conversations.length];
  if (!conversation) return;
  const sender = conversation.sockets[Math.floor(index / conversations.length) % Math.max(1, Math.min(conversation.senders, conversation.sockets.length))];
  if (!sender) return;
  const recorded = inWindow(recorder, intendedMs);
  const payload = { conversationId: conversation.id, text: messageText(recorder.plan.runId, intendedMs, index), clientId: `r${recorder.plan.runId}-${index}` };
  if (recorded) {
    recorder.counts.sent += 1;
    recorder.counts.expected += conversation.sockets.length - 1;
    recordMicros(recorder.sendLag, (now() - intendedMs) * 1000);
  }
  sender.socket.timeout(recorder.plan.ackTimeoutMs).emit('message:send', payload, (error: Error | null, ack: SendAck) => {
    if (!recorded) return;
    if (error || !ack.ok) {
      recorder.counts.ackErrors += 1;
      return;
    }
    recorder.counts.acked += 1;
    recordMicros(recorder.ack, (now() - intendedMs) * 1000);
  });
}

/** Waits until every expected delivery and ack arrived, or `drainMs` passed (polls every 20 ms). */
async function drain(recorder: Recorder): Promise<void> {
  const deadline = now() + recorder.plan.drainMs;
  const { counts } = recorder;
  while (now() < deadline && (counts.delivered < counts.expected || counts.acked + counts.ackErrors < counts.sent)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Bound on {@link settle} (ms). */
export const SETTLE_LIMIT_MS = 180_000;
/** A probe acked faster than this (ms) means the target has worked off its backlog. */
const SETTLED_ACK_MS = 100;

/**
 * Waits for the target to work off any backlog a saturated run left (sends whose acks timed out are
 * still being processed): sends probe messages one at a time until one is acked within
 * {@link SETTLED_ACK_MS}, at most {@link SETTLE_LIMIT_MS}. Probes carry run id 0, which receivers ignore.
 */
async function settle(conversations: readonly LiveConversation[], ackTimeoutMs: number): Promise<void> {
  const first = conversations[0];
  const sender = first?.sockets[0];
  if (!first || !sender) return;
  const deadline = now() + SETTLE_LIMIT_MS;
  for (let probe = 0; now() < deadline; probe += 1) {
    const sentAt = now();
    const ok = await new Promise<boolean>((resolve) => {
      const payload = { conversationId: first.id, text: messageText(0, sentAt, probe), clientId: `probe-${sentAt}-${probe}` };
      sender.socket.timeout(ackTimeoutMs).emit('message:send', payload, (error: Error | null, ack: SendAck) => resolve(!error && ack.ok));
    });
    if (ok && now() - sentAt < SETTLED_ACK_MS) return;
  }
}
