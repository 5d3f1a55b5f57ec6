/**
 * The delivery benchmark (not a test; nothing in CI runs it): an open-loop load of `message:send` over
 * Socket.IO against Parley (every message persisted) and against a raw Socket.IO relay, on the same
 * workload, then a step search for each target's sustainable rate. With `--cross-process`: Parley on
 * PostgreSQL as one process vs several processes on Redis, and the latency the Redis hop adds. See bench/README.md.
 * Run: `npm run bench:delivery -- [flags]` (`--help` lists them).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installChildCleanup } from './children.js';
import { compareHop, hopLines } from './cross.js';
import { benchInterleaved, benchTarget, type TargetResult } from './measure.js';
import { parseOptions, USAGE } from './options.js';
import { profileMarkdown, summarizeProfileFile } from './profile-summary.js';
import { loadAverage, machineInfo, writeResults, type BenchResult } from './report.js';

/** Summarizes the (single) `.cpuprofile` in `dir`, or undefined when none was written. */
async function profileSummary(dir: string): Promise<string | undefined> {
  const file = (await readdir(dir)).find((name) => name.endsWith('.cpuprofile'));
  return file ? profileMarkdown(await summarizeProfileFile(join(dir, file))) : undefined;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  installChildCleanup();
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const profileDir = options.profile ? await mkdtemp(join(tmpdir(), 'parley-bench-prof-')) : undefined;
  const targets: TargetResult[] = [];
  let profile: string | undefined;
  try {
    if (options.crossProcess) targets.push(...(await benchInterleaved(options.targets, options)));
    else for (const kind of options.targets) targets.push(await benchTarget(kind, options, kind === 'parley' ? profileDir : undefined));
    if (profileDir) profile = await profileSummary(profileDir);
  } finally {
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  }
  const parley = targets.find((t) => t.kind === 'parley')?.sustainableRate;
  const relay = targets.find((t) => t.kind === 'relay')?.sustainableRate;
  const hop = options.crossProcess ? compareHop(targets) : undefined;
  const result: BenchResult = {
    bench: 'delivery',
    startedAt,
    machine: { ...machine, loadAverageAtEnd: loadAverage() },
    options,
    targets,
    sustainableRatio: parley && relay ? parley / relay : null,
    ...(profile ? { profile } : {}),
    ...(hop ? { hop } : {}),
  };
  const written = await writeResults(options.out, result);
  console.log('');
  for (const t of targets) console.log(`${t.kind}: sustainable rate ${t.sustainableRate ?? 'none'} msg/s (p99 ≤ ${options.boundMs} ms)`);
  if (result.sustainableRatio !== null) console.log(`Parley ÷ relay sustainable rate: ${result.sustainableRatio.toFixed(2)}`);
  if (hop) console.log(`\n${hopLines(hop, options.rate, options.boundMs).join('\n')}`);
  console.log(`load average (1/5/15 min) at start ${machine.loadAverageAtStart.join(' / ')}, at end ${result.machine.loadAverageAtEnd?.join(' / ') ?? '?'} on ${machine.cpus} cores`);
  if (profile) console.log(`\n${profile}`);
  console.log(`\nwrote ${written.join(', ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
