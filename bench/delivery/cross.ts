import type { LatencySummary } from './histogram.js';
import type { RunResult, TargetResult } from './measure.js';

/** The percentiles the comparison reports. */
const KEYS = ['p50', 'p90', 'p99', 'p999'] as const;
type Percentiles = Record<(typeof KEYS)[number], number>;

/** One configuration at one rate: its delivery percentiles (ms) and whether it kept up. */
type Side = Percentiles & { withinBound: boolean; delivered: number; lost: number; ackP50: number; ackP99: number };

/** One rate measured on both configurations of the cross-process mode. */
export interface HopRow {
  /** `main` (the `--rate` run) or `step` (the search). */
  run: 'main' | 'step';
  rate: number;
  single: Side;
  redis: Side;
  /** pg-redis − pg-single, per percentile (ms): what the Redis hop adds; null when either delivered nothing in time. */
  added: Percentiles | null;
}

/** The cross-process mode's answer: both distributions per rate, the difference, and where both keep up. */
export interface HopComparison {
  rows: HopRow[];
  /** Highest rate at which both configurations stayed within the bound (main run or step); null when none did. */
  bothWithinBoundRate: number | null;
  /** The row at that rate (the main run's when both qualify), for the headline. */
  headline: HopRow | null;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const pick = (d: LatencySummary): Percentiles => ({ p50: d.p50, p90: d.p90, p99: d.p99, p999: d.p999 });
const side = (r: RunResult): Side => ({ ...pick(r.delivery), withinBound: r.withinBound, delivered: r.delivered, lost: r.lost, ackP50: r.ack.p50, ackP99: r.ack.p99 });

function row(run: HopRow['run'], single: RunResult, redis: RunResult): HopRow {
  const added = single.delivered > 0 && redis.delivered > 0 ? (Object.fromEntries(KEYS.map((k) => [k, round(redis.delivery[k] - single.delivery[k])])) as Percentiles) : null;
  return { run, rate: single.rate, single: side(single), redis: side(redis), added };
}

/** Pairs the main runs and the steps both targets ran at the same rate; undefined unless both targets are there. */
export function compareHop(targets: readonly TargetResult[]): HopComparison | undefined {
  const single = targets.find((t) => t.kind === 'pg-single');
  const redis = targets.find((t) => t.kind === 'pg-redis');
  if (!single || !redis) return undefined;
  const rows: HopRow[] = [row('main', single.main, redis.main)];
  for (const step of single.steps) {
    const other = redis.steps.find((s) => s.rate === step.rate);
    if (other) rows.push(row('step', step, other));
  }
  const both = rows.filter((r) => r.single.withinBound && r.redis.withinBound).sort((a, b) => b.rate - a.rate || (a.run === 'main' ? -1 : 1));
  const headline = both[0] ?? null;
  return { rows, bothWithinBoundRate: headline?.rate ?? null, headline };
}

const ms = (p: Side) => (p.delivered === 0 ? 'nothing delivered in time' : `${p.p50} / ${p.p90} / ${p.p99} / ${p.p999}`);
const acks = (p: Side) => (p.ackP99 === 0 ? '—' : `${p.ackP50} / ${p.ackP99}`);
const signed = (p: Percentiles | null) => (p ? KEYS.map((k) => `${p[k] >= 0 ? '+' : ''}${p[k]}`).join(' / ') : '—');

/** Plain-text lines: what the Redis hop adds, and whether 1 process kept up with the main rate. */
export function hopLines(c: HopComparison, mainRate: number, boundMs: number): string[] {
  const lines = ['Redis hop (pg-redis − pg-single), delivery latency p50 / p90 / p99 / p99.9 in ms:'];
  for (const r of c.rows) {
    const over = [!r.single.withinBound && 'pg-single over the bound', !r.redis.withinBound && 'pg-redis over the bound'].filter(Boolean).join(', ');
    lines.push(`  ${r.run.padEnd(4)} ${String(r.rate).padStart(5)} msg/s  pg-single ${ms(r.single)}  pg-redis ${ms(r.redis)}  added ${signed(r.added)}  (ack p50/p99 ${acks(r.single)} vs ${acks(r.redis)})${over ? `  (${over})` : ''}`);
  }
  const main = c.rows.find((r) => r.run === 'main');
  if (main && (!main.single.withinBound || !main.redis.withinBound)) {
    const who = (name: string, r: Side) => (r.withinBound ? [] : [`${name} (${r.delivered === 0 ? 'nothing delivered within the drain' : `p99 ${r.p99} ms`}, ${r.lost} deliveries lost)`]);
    const missed = [...who('the single process, pg-single', main.single), ...who('the Redis configuration, pg-redis', main.redis)].join(' and ');
    lines.push(`${mainRate} msg/s is more than ${missed} keeps up with on this machine (bound: p99 ≤ ${boundMs} ms, nothing lost); where a side is saturated the difference at that rate is mostly queueing, not the hop.`);
  }
  if (c.headline) {
    lines.push(`Highest rate where both keep up (p99 ≤ ${boundMs} ms, nothing lost): ${c.headline.rate} msg/s; the Redis hop adds ${signed(c.headline.added)} ms there.`);
    return lines;
  }
  lines.push(`No rate where both keep up (p99 ≤ ${boundMs} ms, nothing lost).`);
  const lowest = [...c.rows].sort((a, b) => a.rate - b.rate)[0];
  if (lowest) lines.push(`At the lowest rate measured, ${lowest.rate} msg/s, the Redis hop adds ${signed(lowest.added)} ms.`);
  return lines;
}

/** The markdown section of the report. */
export function hopMarkdown(c: HopComparison, mainRate: number, boundMs: number, processes: number): string[] {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const [, ...notes] = hopLines(c, mainRate, boundMs).filter((l) => !l.startsWith('  '));
  return [
    `## The Redis hop: one process vs ${processes} processes on Redis (both on PostgreSQL)`,
    '',
    `pg-single: one Parley process, no Redis, every socket on it. pg-redis: ${processes} Parley processes on the same kind of database and one Redis; each conversation's sender is on one process and its receivers on another, so every counted delivery crosses the Redis streams adapter. Delivery latency in ms (p50 / p90 / p99 / p99.9).`,
    '',
    '| run | msg/s | pg-single | pg-redis | added by the hop | ack p50 / p99, pg-single | ack p50 / p99, pg-redis | pg-single within bound | pg-redis within bound |',
    '|---|---:|---|---|---|---|---|---|---|',
    ...c.rows.map((r) => `| ${r.run} | ${r.rate} | ${ms(r.single)} | ${ms(r.redis)} | ${signed(r.added)} | ${acks(r.single)} | ${acks(r.redis)} | ${yes(r.single.withinBound)} | ${yes(r.redis.withinBound)} |`),
    '',
    'The ack columns are the sender\'s `message:send` acknowledgement (from the intended send time), answered by the sender\'s process after the message is stored: where pg-redis\'s ack is already later than pg-single\'s, that part of the difference is the sending process being slower (sharing the cores with a second process and Redis), not the Redis hop itself.',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ];
}
