import { spawnTsx, stopChild, within, type Child } from './children.js';
import type { BenchConversation, FromWorker, RunPlan, RunReport, TargetKind, ToWorker } from './wire.js';

/** A pool of load worker processes, each owning a share of the conversations. */
export interface WorkerPool {
  /** Sockets connected across all workers. */
  readonly sockets: number;
  /** Runs `plan` on every worker at once (each with its share of the rate) and returns their reports. */
  run(plan: Omit<RunPlan, 'rate'> & { rate: number }, timeoutMs: number): Promise<RunReport[]>;
  /** Closes every socket and ends every worker. */
  close(): Promise<void>;
}

/** How to start a pool. */
export interface PoolOptions {
  url: string;
  target: TargetKind;
  conversations: readonly BenchConversation[];
  workers: number;
  connectConcurrency: number;
  connectTimeoutMs: number;
  /** Bound on connecting every socket (ms). */
  readyTimeoutMs: number;
}

/** Awaits the next IPC message of `child` that `accept` takes; rejects on an `error` message or exit. */
function nextMessage<T extends FromWorker>(child: Child, accept: (message: FromWorker) => message is T): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.type === 'error') finish(() => reject(new Error(`${child.name}: ${message.message}`)));
      else if (accept(message)) finish(() => resolve(message));
    };
    const onExit = () => finish(() => reject(new Error(`${child.name} exited:\n${child.output()}`)));
    const finish = (settle: () => void) => {
      child.process.off('message', onMessage);
      child.process.off('exit', onExit);
      settle();
    };
    child.process.on('message', onMessage);
    child.process.once('exit', onExit);
  });
}

function send(child: Child, message: ToWorker): void {
  child.process.send(message);
}

/**
 * Starts `options.workers` load workers and deals the conversations out round-robin (whole
 * conversations, so each conversation's sender and receivers share a clock). Resolves once every
 * socket is connected.
 */
export async function startWorkerPool(options: PoolOptions): Promise<WorkerPool> {
  const count = Math.max(1, Math.min(options.workers, options.conversations.length));
  const shares: BenchConversation[][] = Array.from({ length: count }, () => []);
  options.conversations.forEach((conversation, i) => shares[i % count]?.push(conversation));
  const children = shares.map((_, i) => spawnTsx(`load worker ${i}`, [], 'bench/delivery/load-worker.ts', [], process.env));
  const readies = children.map((child, i) => {
    const ready = nextMessage(child, (m): m is Extract<FromWorker, { type: 'ready' }> => m.type === 'ready');
    send(child, {
      type: 'init',
      url: options.url,
      target: options.target,
      conversations: shares[i] ?? [],
      connectConcurrency: options.connectConcurrency,
      connectTimeoutMs: options.connectTimeoutMs,
    });
    return ready;
  });
  const ready = await within(Promise.all(readies), options.readyTimeoutMs, 'connecting the sockets timed out');
  const sockets = ready.reduce((sum, r) => sum + r.sockets, 0);
  const total = options.conversations.reduce((sum, c) => sum + c.members.length, 0);

  return {
    sockets,
    async run(plan, timeoutMs) {
      const results = children.map((child, i) => {
        const result = nextMessage(child, (m): m is Extract<FromWorker, { type: 'result' }> => m.type === 'result' && m.report.runId === plan.runId);
        // Each worker's rate is proportional to the participants it holds, so per-user load is even.
        const share = (shares[i] ?? []).reduce((sum, c) => sum + c.members.length, 0) / total;
        send(child, { type: 'run', plan: { ...plan, rate: plan.rate * share } });
        return result;
      });
      const done = await within(Promise.all(results), timeoutMs, `run ${plan.runId} timed out`);
      return done.map((message) => message.report);
    },
    async close() {
      for (const child of children) if (child.process.connected) send(child, { type: 'stop' });
      await Promise.all(children.map((child) => within(child.exited, 10_000, `${child.name} did not stop`).catch(() => stopChild(child, 'SIGKILL'))));
    },
  };
}
