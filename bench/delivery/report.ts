import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { hopMarkdown, type HopComparison } from './cross.js';
import type { RunResult, TargetResult } from './measure.js';
import type { BenchOptions } from './options.js';
import { percentileSvg, type PlotSeries } from './svg-plot.js';

/** The JSON result file's shape. */
export interface BenchResult {
  bench: 'delivery';
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd?: number[] };
  options: BenchOptions;
  targets: TargetResult[];
  /** Parley's sustainable rate ÷ the relay's, when both were found. */
  sustainableRatio: number | null;
  profile?: string;
  /** Cross-process mode: pg-single vs pg-redis per rate and the difference. */
  hop?: HopComparison;
}

/** Machine facts recorded with every result. */
export function machineInfo(): BenchResult['machine'] {
  const list = cpus();
  return { cpus: list.length, cpuModel: list[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: loadAverage() };
}

/** `os.loadavg()` (1, 5, 15 min) rounded to 2 decimals. */
export function loadAverage(): number[] {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}

const COLORS: Record<string, string> = { parley: '#d9480f', relay: '#1971c2', 'pg-single': '#2f9e44', 'pg-redis': '#ae3ec9' };

function runRow(kind: string, label: string, r: RunResult): string {
  const d = r.delivery;
  return `| ${kind} | ${label} | ${r.rate} | ${r.deliveriesPerS} | ${d.p50} | ${d.p90} | ${d.p99} | ${d.p999} | ${d.max} | ${r.ack.p99} | ${r.lost} | ${r.ackErrors} | ${r.sendLag.p99} | ${r.withinBound ? 'yes' : 'no'} |`;
}

/** The markdown report: settings, the main run per target, the search steps and the sustainable rates. */
export function resultMarkdown(result: BenchResult, svgName: string): string {
  const o = result.options;
  const m = result.machine;
  const header = '| target | run | msg/s | deliveries/s | p50 | p90 | p99 | p99.9 | max | ack p99 | lost | ack errors | send lag p99 | within bound |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|';
  const atEnd = m.loadAverageAtEnd ? `, at end ${m.loadAverageAtEnd.join(' / ')}` : '';
  const lines = [
    `# Delivery benchmark${o.crossProcess ? ' (cross-process)' : ''}, ${result.startedAt}`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, 1/5/15-min load average at start ${m.loadAverageAtStart.join(' / ')}${atEnd}. Load generator, target and ${o.crossProcess ? 'PostgreSQL and Redis' : '(for Parley) SQLite'} share these cores.`,
    `Workload: ${result.targets[0]?.sockets ?? o.users} connected users in conversations of ${o.room} (each message reaches ${o.room - 1} others${o.crossProcess ? '; one sender per conversation' : ''}); main run ${o.rate} msg/s for ${o.duration} s after ${o.warmup} s warm-up; ${o.workers} load worker process(es). Latencies in ms, measured from each message's intended send time (open loop).`,
    '',
    ...(result.hop ? hopMarkdown(result.hop, o.rate, o.boundMs, o.processes) : []),
    '',
    header,
    ...result.targets.map((t) => runRow(t.kind, 'main', t.main)),
    ...result.targets.flatMap((t) => t.steps.map((s) => runRow(t.kind, 'step', s))),
    '',
    `Sustainable rate (highest step with p99 ≤ ${o.boundMs} ms, nothing lost, every send acked):`,
    ...result.targets.map((t) => `- ${t.kind}: ${t.sustainableRate === null ? 'none of the steps' : `${t.sustainableRate} msg/s (${t.sustainableRate * (o.room - 1)} deliveries/s)`}`),
    ...(result.sustainableRatio === null ? [] : [`- Parley ÷ relay: ${result.sustainableRatio.toFixed(2)}`]),
    '',
    `![latency percentiles](${svgName})`,
    '',
  ];
  if (result.profile) lines.push('## Parley CPU profile (self time)', '', result.profile);
  return lines.join('\n');
}

/**
 * The run a target's plot shows: the main run; in cross-process mode the run at the highest rate both configurations
 * kept up with (else the lowest rate compared), since the main run may have delivered nothing in time.
 */
function plottedRun(t: TargetResult, hop: HopComparison | undefined): RunResult {
  if (!hop) return t.main;
  const rate = hop.headline?.rate ?? Math.min(...hop.rows.map((r) => r.rate));
  if ((hop.headline?.run ?? 'step') === 'main' && t.main.rate === rate) return t.main;
  return t.steps.find((s) => s.rate === rate) ?? t.main;
}

/** Writes `delivery-<stamp>.json`, `.md`, `.svg` and `latest.md` (+ `latest.svg`) into `dir` (`delivery-cross-…` and `latest-cross.*` in cross-process mode); returns the paths. */
export async function writeResults(dir: string, result: BenchResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const stamp = result.startedAt.replace(/[:]/g, '-').replace(/\..*$/, '');
  const name = result.options.crossProcess ? 'delivery-cross' : 'delivery';
  const latest = result.options.crossProcess ? 'latest-cross' : 'latest';
  const base = join(dir, `${name}-${stamp}`);
  const series: PlotSeries[] = result.targets.map((t) => {
    const run = plottedRun(t, result.hop);
    return { label: `${t.kind} @ ${run.rate} msg/s (p99 ${run.delivery.p99} ms)`, color: COLORS[t.kind] ?? '#333', points: run.curve };
  });
  const svg = percentileSvg(`Delivery latency: ${result.targets[0]?.sockets ?? 0} users, rooms of ${result.options.room}`, series, result.options.boundMs);
  const svgName = `${name}-${stamp}.svg`;
  await writeFile(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(`${base}.svg`, svg);
  await writeFile(`${base}.md`, resultMarkdown(result, svgName));
  await writeFile(join(dir, `${latest}.svg`), svg);
  await writeFile(join(dir, `${latest}.md`), resultMarkdown(result, `${latest}.svg`));
  return [`${base}.json`, `${base}.md`, `${base}.svg`, join(dir, `${latest}.md`), join(dir, `${latest}.svg`)];
}
