/**
 * The messages the bench exchanges: the socket events both targets speak (a structural subset of
 * Parley's contract § Realtime) and the IPC messages between the coordinator and its load workers.
 */

/** A delivered message, as much of it as the bench reads. Parley sends its full `Message`. */
export interface DeliveredMessage {
  senderId: string | null;
  text: string;
}

/** Server → client events the bench listens to. */
export interface BenchServerEvents {
  /** Parley: every socket of every participant (the sender's included). Relay: every socket in the room. */
  'message:new': (payload: { message: DeliveredMessage }) => void;
}

/** The acknowledgement of `message:send` (contract: `{ok: true, data}` or `{ok: false, error}`). */
export interface SendAck {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

/** Client → server events the bench emits. */
export interface BenchClientEvents {
  'message:send': (payload: { conversationId: string; text: string; clientId: string }, ack: (result: SendAck) => void) => void;
}

/**
 * Which server a run targets: `parley` (one process, SQLite), `relay`, or the cross-process mode's two Parley
 * configurations on PostgreSQL: `pg-single` (one process, no Redis) and `pg-redis` (several processes and Redis).
 */
export type TargetKind = 'parley' | 'relay' | 'pg-single' | 'pg-redis';

/** One participant of a bench conversation: Parley needs a token, the relay only the id. */
export interface BenchMember {
  userId: string;
  token?: string;
  /** The process this participant connects to; unset: the target's (first) URL. */
  url?: string;
}

/** A conversation of K participants, all of whose sockets live in the same load worker. */
export interface BenchConversation {
  id: string;
  members: BenchMember[];
  /** Only the first `senders` members send (in turn); unset: every member. */
  senders?: number;
}

/** Timetable of one measured run, as a load worker receives it. Times are epoch ms. */
export interface RunPlan {
  runId: number;
  /** This worker's share of the aggregate send rate (messages/s). */
  rate: number;
  /** Schedule start (epoch ms); every worker starts at the same instant. */
  startAt: number;
  /** Leading part of the timetable that is sent but not recorded (ms). */
  warmupMs: number;
  /** Recorded part of the timetable (ms). */
  durationMs: number;
  /** How long to wait after the last send for deliveries still in flight (ms). */
  drainMs: number;
  /** Ack timeout per send (ms). */
  ackTimeoutMs: number;
}

/** What one worker measured in one run. Histograms are hdr-histogram-js compressed base64, in µs. */
export interface RunReport {
  runId: number;
  /** Delivery latency: receive time − intended send time (µs). */
  delivery: string;
  /** Ack latency: ack time − intended send time (µs). */
  ack: string;
  /** Send lag: actual emit time − intended send time (µs); large values mean the generator fell behind. */
  sendLag: string;
  /** Messages sent inside the recorded window. */
  sent: number;
  /** Acks `{ok: true}` received for those. */
  acked: number;
  /** Acks with `ok: false`, or timed out. */
  ackErrors: number;
  /** Deliveries the recorded messages should have produced: sent × (K − 1). */
  expected: number;
  /** Deliveries received for recorded messages before the drain ended. */
  delivered: number;
}

/** Coordinator → worker. */
export type ToWorker =
  | { type: 'init'; url: string; target: TargetKind; conversations: BenchConversation[]; connectConcurrency: number; connectTimeoutMs: number }
  | { type: 'run'; plan: RunPlan }
  | { type: 'stop' };

/** Worker → coordinator. */
export type FromWorker =
  | { type: 'ready'; sockets: number }
  | { type: 'result'; report: RunReport }
  | { type: 'error'; message: string };
