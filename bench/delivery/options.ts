import { parseArgs } from 'node:util';
import type { TargetKind } from './wire.js';

/** Every knob of the delivery bench; times in seconds unless the name says otherwise. */
export interface BenchOptions {
  /** Connected users (rounded down to whole conversations). */
  users: number;
  /** Participants per conversation, K; each message reaches K − 1 others. */
  room: number;
  /** Aggregate send rate of the main run (messages/s). */
  rate: number;
  /** Recorded length of the main run (s). */
  duration: number;
  /** Unrecorded lead-in of the main run (s). */
  warmup: number;
  /** Load worker processes. */
  workers: number;
  /** p99 bound for the sustainable-rate search (ms). */
  boundMs: number;
  /** Rates the search steps through (messages/s), ascending; empty: no search. */
  steps: number[];
  stepDuration: number;
  stepWarmup: number;
  /** Wait for in-flight deliveries after each run (s). */
  drain: number;
  targets: TargetKind[];
  /** Write a CPU profile of the Parley process (`node --cpu-prof`) and summarize it. */
  profile: boolean;
  /** Output directory for results. */
  out: string;
  quick: boolean;
  /** Cross-process mode: PostgreSQL, one process without Redis vs `processes` processes on Redis. */
  crossProcess: boolean;
  /** Parley processes of the `pg-redis` target (cross-process mode). */
  processes: number;
}

export const USAGE = `Usage: npm run bench:delivery -- [flags]

  --users N            connected users (default 2000; quick 200)
  --room K             participants per conversation (default 10)
  --rate R             messages/s of the main run (default 1000; quick 200)
  --duration S         recorded seconds of the main run (default 20; quick 4)
  --warmup S           unrecorded warm-up seconds (default 5; quick 1)
  --workers W          load generator processes (default 2)
  --bound MS           p99 bound for the sustainable-rate search (default 25)
  --steps LIST         rates to step through, e.g. 250,500,1000 (default 100,250,500,1000,2000,4000,8000; "none" skips)
  --step-duration S    recorded seconds per step (default 8; quick 2)
  --step-warmup S      warm-up seconds per step (default 2; quick 0.5)
  --drain S            wait for late deliveries after each run (default 5; quick 2)
  --targets LIST       parley,relay (default both)
  --profile            run Parley under node --cpu-prof and summarize the top costs
  --out DIR            results directory (default bench/results)
  --quick              a ~30 s smoke run with the quick defaults above
  --cross-process      the Redis hop: Parley on PostgreSQL as one process without Redis (pg-single) vs --processes
                       processes on Redis (pg-redis), each conversation's sender on one process and its receivers on
                       another; defaults become 1000 users, 1000 msg/s for 15 s, steps 10,25,50,100,250 (all run, the two
                       configurations taking turns rate by rate), targets pg-single,pg-redis (PostgreSQL: PARLEY_BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432)
  --processes P        Parley processes of pg-redis (default 2)`;

const positive = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got ${value})`);
  return n;
};

/** Parses `argv` (without node and script); throws with a one-line message on a bad flag. */
export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      users: { type: 'string' }, room: { type: 'string' }, rate: { type: 'string' }, duration: { type: 'string' }, warmup: { type: 'string' },
      workers: { type: 'string' }, bound: { type: 'string' }, steps: { type: 'string' }, 'step-duration': { type: 'string' },
      'step-warmup': { type: 'string' }, drain: { type: 'string' }, targets: { type: 'string' }, profile: { type: 'boolean' },
      out: { type: 'string' }, quick: { type: 'boolean' }, 'cross-process': { type: 'boolean' }, processes: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const crossProcess = values['cross-process'] ?? false;
  const pick = (name: string, value: string | undefined, normal: number, fast: number) => (value === undefined ? (quick ? fast : normal) : positive(name, value));
  const room = Math.floor(pick('room', values.room, 10, 10));
  if (room < 2) throw new Error('--room must be at least 2');
  const stepsText = values.steps ?? (quick ? '100,500,2000' : crossProcess ? '10,25,50,100,250' : '100,250,500,1000,2000,4000,8000');
  const steps = stepsText === 'none' ? [] : stepsText.split(',').map((s) => positive('steps', s.trim())).sort((a, b) => a - b);
  const kinds: readonly TargetKind[] = crossProcess ? ['pg-single', 'pg-redis'] : ['parley', 'relay'];
  const targets = (values.targets ?? kinds.join(',')).split(',').map((t) => t.trim());
  for (const t of targets) if (!(kinds as readonly string[]).includes(t)) throw new Error(`--targets takes ${kinds.join(' and/or ')}${crossProcess ? ' with --cross-process' : ''} (got ${t})`);
  const processes = Math.floor(pick('processes', values.processes, 2, 2));
  if (processes < 2) throw new Error('--processes must be at least 2');
  return {
    users: Math.floor(pick('users', values.users, crossProcess ? 1000 : 2000, 200)),
    room,
    rate: pick('rate', values.rate, 1000, 200),
    duration: pick('duration', values.duration, crossProcess ? 15 : 20, 4),
    warmup: pick('warmup', values.warmup, 5, 1),
    workers: Math.floor(pick('workers', values.workers, 2, 2)),
    boundMs: pick('bound', values.bound, 25, 25),
    steps,
    stepDuration: pick('step-duration', values['step-duration'], 8, 2),
    stepWarmup: pick('step-warmup', values['step-warmup'], 2, 0.5),
    drain: pick('drain', values.drain, 5, 2),
    targets: targets as TargetKind[], // each entry was checked just above
    profile: values.profile ?? false,
    out: values.out ?? 'bench/results',
    quick,
    crossProcess,
    processes,
  };
}
