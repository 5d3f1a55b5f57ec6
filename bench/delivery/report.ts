import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { RunResult, TargetResult } from './measure.js';
import type { BenchOptions } from './options.js';
import { percentileSvg, type PlotSeries } from './svg-plot.js';

/** The JSON result file's shape. */
export interface BenchResult {
  bench: 'delivery';
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageAtStart: number[] };
  options: BenchOptions;
  targets: TargetResult[];
  /** Parley's sustainable rate ÷ the relay's, when both were found. */
  sustainableRatio: number | null;
  profile?: string;
}

/** Machine facts recorded with every result. */
export function machineInfo(): BenchResult['machine'] {
  const list = cpus();
  return { cpus: list.length, cpuModel: list[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100) };
}

const COLORS: Record<string, string> = { parley: '#d9480f', relay: '#1971c2' };

function runRow(kind: string, label: string, r: RunResult): string {
  const d = r.delivery;
  return `| ${kind} | ${label} | ${r.rate} | ${r.deliveriesPerS} | ${d.p50} | ${d.p90} | ${d.p99} | ${d.p999} | ${d.max} | ${r.ack.p99} | ${r.lost} | ${r.ackErrors} | ${r.sendLag.p99} | ${r.withinBound ? 'yes' : 'no'} |`;
}

/** The markdown report: settings, the main run per target, the search steps and the sustainable rates. */
export function resultMarkdown(result: BenchResult, svgName: string): string {
  const o = result.options;
  const m = result.machine;
  const header = '| target | run | msg/s | deliveries/s | p50 | p90 | p99 | p99.9 | max | ack p99 | lost | ack errors | send lag p99 | within bound |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|';
  const lines = [
    `# Delivery benchmark, ${result.startedAt}`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, 1/5/15-min load average at start ${m.loadAverageAtStart.join(' / ')}. Load generator, target and (for Parley) SQLite share these cores.`,
    `Workload: ${result.targets[0]?.sockets ?? o.users} connected users in conversations of ${o.room} (each message reaches ${o.room - 1} others); main run ${o.rate} msg/s for ${o.duration} s after ${o.warmup} s warm-up; ${o.workers} load worker process(es). Latencies in ms, measured from each message's intended send time (open loop).`,
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

/** Writes `delivery-<stamp>.json`, `.md`, `.svg` and `latest.md` (+ `latest.svg`) into `dir`; returns the paths. */
export async function writeResults(dir: string, result: BenchResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const stamp = result.startedAt.replace(/[:]/g, '-').replace(/\..*$/, '');
  const base = join(dir, `delivery-${stamp}`);
  const series: PlotSeries[] = result.targets.map((t) => ({ label: `${t.kind} @ ${t.main.rate} msg/s (p99 ${t.main.delivery.p99} ms)`, color: COLORS[t.kind] ?? '#333', points: t.main.curve }));
  const svg = percentileSvg(`Delivery latency: ${result.targets[0]?.sockets ?? 0} users, rooms of ${result.options.room}`, series, result.options.boundMs);
  const svgName = `delivery-${stamp}.svg`;
  await writeFile(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(`${base}.svg`, svg);
  await writeFile(`${base}.md`, resultMarkdown(result, svgName));
  await writeFile(join(dir, 'latest.svg'), svg);
  await writeFile(join(dir, 'latest.md'), resultMarkdown(result, 'latest.svg'));
  return [`${base}.json`, `${base}.md`, `${base}.svg`, join(dir, 'latest.md'), join(dir, 'latest.svg')];
}
