/**
 * Summarizes a V8 `.cpuprofile` (written by `node --cpu-prof`): self time by function and by where the
 * code lives (an npm package, Node internals, Parley's own modules, GC, idle). Used by `run.ts --profile`;
 * also a CLI: `node --import tsx bench/delivery/profile-summary.ts <file.cpuprofile>`.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A row of the summary: self time in ms and its share of all sampled time (%). */
export interface CostRow {
  name: string;
  selfMs: number;
  percent: number;
}

/** Top costs of one profile. */
export interface ProfileSummary {
  totalMs: number;
  byArea: CostRow[];
  byFunction: CostRow[];
}

/** Where the code of `url` lives: an npm package, Node internals, a Parley package, or a V8 pseudo-node. */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  const own = /packages\/([^/]+)\/src\/(?:modules\/([^/]+)|([^/]+))/.exec(url);
  if (own) return `parley ${own[1]}/${own[2] ?? own[3]}`;
  return url.replace(/^file:\/\//, '');
}

function rows(totals: Map<string, number>, totalMs: number, limit: number): CostRow[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, selfMs]) => ({ name, selfMs: Math.round(selfMs), percent: Math.round((1000 * selfMs) / totalMs) / 10 }));
}

/** Self time per area and per function (top `limit` each), from the profile's samples and time deltas. */
export function summarizeProfile(profile: CpuProfile, limit = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node || ms <= 0) return;
    totalMs += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'} ${url ? `(${area}:${lineNumber + 1})` : ''}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  });
  return { totalMs: Math.round(totalMs), byArea: rows(areas, totalMs, limit), byFunction: rows(functions, totalMs, limit) };
}

/** Reads and summarizes a `.cpuprofile` file. */
export async function summarizeProfileFile(path: string, limit = 15): Promise<ProfileSummary> {
  return summarizeProfile(JSON.parse(await readFile(path, 'utf8')) as CpuProfile, limit); // V8's documented profile format
}

/** The summary as two markdown tables. */
export function profileMarkdown(summary: ProfileSummary): string {
  const table = (title: string, list: CostRow[]) =>
    [`| ${title} | self ms | % |`, '|---|---:|---:|', ...list.map((r) => `| ${r.name.replace(/\|/g, '\\|')} | ${r.selfMs} | ${r.percent} |`)].join('\n');
  return `Sampled ${summary.totalMs} ms of the Parley process.\n\n${table('Area', summary.byArea)}\n\n${table('Function', summary.byFunction)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: node --import tsx bench/delivery/profile-summary.ts <file.cpuprofile>');
    process.exit(2);
  }
  console.log(profileMarkdown(await summarizeProfileFile(file)));
}
