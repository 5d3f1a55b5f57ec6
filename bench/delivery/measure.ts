import { mergeEncoded, percentileCurve, summarize, type CurvePoint, type LatencySummary } from './histogram.js';
import { SETTLE_LIMIT_MS } from './open-loop.js';
import type { BenchOptions } from './options.js';
import { startParley, startRelay, type RunningTarget, type TargetOptions } from './targets.js';
import type { TargetKind } from './wire.js';
import { startWorkerPool, type WorkerPool } from './workers.js';

/** One measured run, all workers merged. Latencies in ms; `lost` deliveries never arrived within the drain. */
export interface RunResult {
  rate: number;
  durationS: number;
  warmupS: number;
  sent: number;
  acked: number;
  ackErrors: number;
  expected: number;
  delivered: number;
  lost: number;
  deliveriesPerS: number;
  delivery: LatencySummary;
  ack: LatencySummary;
  sendLag: LatencySummary;
  /** Percentile curve of the delivery latency (for the plot). */
  curve: CurvePoint[];
  /** p99 within the bound, nothing lost, every send acknowledged. */
  withinBound: boolean;
}

/** Everything measured against one target. */
export interface TargetResult {
  kind: TargetKind;
  sockets: number;
  conversations: number;
  room: number;
  setupS: number;
  main: RunResult;
  steps: RunResult[];
  /** Highest step rate within the bound (messages/s); null when even the first step failed or no search ran. */
  sustainableRate: number | null;
}

let nextRunId = 1;

async function measure(pool: WorkerPool, rate: number, warmupS: number, durationS: number, options: BenchOptions): Promise<RunResult> {
  const plan = {
    runId: nextRunId++,
    rate,
    startAt: Date.now() + 500,
    warmupMs: warmupS * 1000,
    durationMs: durationS * 1000,
    drainMs: options.drain * 1000,
    ackTimeoutMs: Math.max(5000, options.drain * 1000),
  };
  const reports = await pool.run(plan, 500 + plan.warmupMs + plan.durationMs + plan.drainMs + SETTLE_LIMIT_MS + 60_000);
  const sum = (key: 'sent' | 'acked' | 'ackErrors' | 'expected' | 'delivered') => reports.reduce((total, r) => total + r[key], 0);
  const delivery = mergeEncoded(reports.map((r) => r.delivery));
  const ack = mergeEncoded(reports.map((r) => r.ack));
  const sendLag = mergeEncoded(reports.map((r) => r.sendLag));
  const result = {
    rate,
    durationS,
    warmupS,
    sent: sum('sent'),
    acked: sum('acked'),
    ackErrors: sum('ackErrors'),
    expected: sum('expected'),
    delivered: sum('delivered'),
    lost: sum('expected') - sum('delivered'),
    deliveriesPerS: Math.round(sum('delivered') / durationS),
    delivery: summarize(delivery),
    ack: summarize(ack),
    sendLag: summarize(sendLag),
    curve: percentileCurve(delivery),
  };
  for (const h of [delivery, ack, sendLag]) h.destroy();
  return { ...result, withinBound: result.delivery.p99 <= options.boundMs && result.lost === 0 && result.ackErrors === 0 && result.sent > 0 };
}

/** One line of progress on stderr-free stdout: rate, deliveries/s and the percentiles. */
export function describeRun(kind: TargetKind, label: string, r: RunResult): string {
  const d = r.delivery;
  return `${kind.padEnd(9)} ${label.padEnd(9)} ${String(r.rate).padStart(6)} msg/s → ${String(r.deliveriesPerS).padStart(6)} deliveries/s  p50 ${d.p50} p90 ${d.p90} p99 ${d.p99} p99.9 ${d.p999} max ${d.max} ms  lost ${r.lost} ackErr ${r.ackErrors}  send-lag p99 ${r.sendLag.p99} ms${r.withinBound ? '' : '  (over bound)'}`;
}

/** Starts a target of `kind`: the cross-process mode's two run on PostgreSQL, `pg-redis` as `options.processes` processes on Redis. */
function startTarget(kind: TargetKind, targetOptions: TargetOptions, options: BenchOptions): Promise<RunningTarget> {
  switch (kind) {
    case 'relay':
      return startRelay(targetOptions);
    case 'parley':
      return startParley(targetOptions);
    case 'pg-single':
      return startParley(targetOptions, { database: 'postgres', processes: 1, redis: false }, kind);
    case 'pg-redis':
      return startParley(targetOptions, { database: 'postgres', processes: options.processes, redis: true }, kind);
  }
}

/** A started target with its sockets connected, ready for runs. */
interface PreparedTarget {
  kind: TargetKind;
  target: RunningTarget;
  pool: WorkerPool;
  conversations: number;
}

/** Starts `kind`, creates the workload and connects the sockets through the worker pool; stops the target if that fails. */
async function prepareTarget(kind: TargetKind, options: BenchOptions, cpuProfileDir?: string): Promise<PreparedTarget> {
  const conversations = Math.floor(options.users / options.room);
  if (conversations < 1) throw new Error('--users must be at least --room');
  const targetOptions = { conversations, room: options.room, setupConcurrency: 16, ...(cpuProfileDir ? { cpuProfileDir } : {}) };
  console.log(`${kind}: starting and creating ${conversations} conversations of ${options.room} …`);
  const target = await startTarget(kind, targetOptions, options);
  // Cross-process mode: one sender per conversation in both configurations (with pg-redis it sits on another
  // process than the receivers), so the two differ only in the Redis hop.
  const workload = options.crossProcess ? target.conversations.map((c) => ({ ...c, senders: 1 })) : target.conversations;
  try {
    const connectStart = performance.now();
    const pool = await startWorkerPool({ url: target.url, target: kind, conversations: workload, workers: options.workers, connectConcurrency: 50, connectTimeoutMs: 20_000, readyTimeoutMs: 10 * 60_000 });
    console.log(`${kind}: ${pool.sockets} sockets connected in ${((performance.now() - connectStart) / 1000).toFixed(1)} s (setup ${(target.setupMs / 1000).toFixed(1)} s)`);
    return { kind, target, pool, conversations };
  } catch (error) {
    await target.stop();
    throw error;
  }
}

async function closeTarget(prepared: PreparedTarget): Promise<void> {
  await prepared.pool.close();
  await prepared.target.stop();
}

function targetResult(prepared: PreparedTarget, options: BenchOptions, steps: RunResult[], main: RunResult): TargetResult {
  const firstMiss = steps.findIndex((s) => !s.withinBound);
  const sustainableRate = (firstMiss === -1 ? steps : steps.slice(0, firstMiss)).at(-1)?.rate ?? null;
  const { kind, pool, conversations, target } = prepared;
  return { kind, sockets: pool.sockets, conversations, room: options.room, setupS: target.setupMs / 1000, main, steps, sustainableRate };
}

/**
 * Starts `kind`, creates the workload, connects the sockets, steps through `options.steps` until a step misses the
 * bound, then runs the main run at `options.rate`. Stops the target and the workers whatever happens.
 */
export async function benchTarget(kind: TargetKind, options: BenchOptions, cpuProfileDir?: string): Promise<TargetResult> {
  const prepared = await prepareTarget(kind, options, cpuProfileDir);
  try {
    // The search runs first: it stops at the first failing step, so at most one short run's backlog
    // precedes the main run, which may be far over the target's capacity.
    const steps: RunResult[] = [];
    for (const rate of options.steps) {
      const step = await measure(prepared.pool, rate, options.stepWarmup, options.stepDuration, options);
      console.log(describeRun(kind, 'step', step));
      steps.push(step);
      if (!step.withinBound) break;
    }
    const main = await measure(prepared.pool, options.rate, options.warmup, options.duration, options);
    console.log(describeRun(kind, 'main', main));
    return targetResult(prepared, options, steps, main);
  } finally {
    await closeTarget(prepared);
  }
}

/**
 * The cross-process mode: starts every target of `kinds` at once (all sockets connected), then runs each step and the
 * main run on one target after the other, rate by rate, so a drift in the machine's load lands on both sides of
 * each comparison instead of on one configuration. Every step runs (no stop at the first miss). Stops everything at the end.
 */
export async function benchInterleaved(kinds: readonly TargetKind[], options: BenchOptions): Promise<TargetResult[]> {
  const prepared: PreparedTarget[] = [];
  try {
    for (const kind of kinds) prepared.push(await prepareTarget(kind, options));
    const steps = prepared.map((): RunResult[] => []);
    for (const rate of options.steps) {
      for (const [i, target] of prepared.entries()) {
        const step = await measure(target.pool, rate, options.stepWarmup, options.stepDuration, options);
        console.log(describeRun(target.kind, 'step', step));
        steps[i]?.push(step);
      }
    }
    const results: TargetResult[] = [];
    for (const [i, target] of prepared.entries()) {
      const main = await measure(target.pool, options.rate, options.warmup, options.duration, options);
      console.log(describeRun(target.kind, 'main', main));
      results.push(targetResult(target, options, steps[i] ?? [], main));
    }
    return results;
  } finally {
    for (const target of prepared) await closeTarget(target);
  }
}
