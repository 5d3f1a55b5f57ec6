/**
 * Upload memory benchmark (issue 6, "Memory"): uploads `--files` files of `--size-mb` MB each (default 50 × 10 MB)
 * to a real Parley process, `--per-request` per request, one request at a time, and reports how far the server's
 * resident memory (RSS, from /proc/<pid>/status) grew: VmRSS before, VmHWM (the peak) after, and VmRSS after.
 * The files are UTF-8 text (text/plain), so each is streamed, hashed, checked and stored, with no image decoding.
 * Run: `npm run bench:uploads [-- --files 50 --size-mb 10 --per-request 5]`; results in bench/results/uploads-*.json.
 */
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { installChildCleanup, REPO_ROOT } from '../delivery/children.js';
import { startParley } from '../delivery/targets.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '50' },
    'size-mb': { type: 'string', default: '10' },
    'per-request': { type: 'string', default: '5' },
  },
});
const files = Number(values.files);
const sizeBytes = Number(values['size-mb']) * 1024 * 1024;
const perRequest = Number(values['per-request']);

/** A field of /proc/<pid>/status in KiB (VmRSS, VmHWM). */
async function procKiB(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

/** Writes a text file of `bytes` bytes (lines of printable ASCII) without holding it in memory. */
async function writeTextFile(path: string, bytes: number): Promise<void> {
  const line = `${'parley upload benchmark line '.repeat(3)}\n`;
  const out = createWriteStream(path);
  for (let written = 0; written < bytes; written += line.length) {
    const chunk = line.slice(0, Math.min(line.length, bytes - written));
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

installChildCleanup();
const dir = await mkdtemp(join(tmpdir(), 'parley-upload-bench-'));
const target = await startParley({ conversations: 1, room: 2, setupConcurrency: 1 });
try {
  const pid = target.child.process.pid;
  const conversation = target.conversations[0];
  const sender = conversation?.members[0];
  if (pid === undefined || !conversation || !sender?.token) throw new Error('the Parley process or its conversation is missing');
  const source = join(dir, 'upload.txt');
  await writeTextFile(source, sizeBytes);

  const rssBeforeKiB = await procKiB(pid, 'VmRSS');
  const hwmBeforeKiB = await procKiB(pid, 'VmHWM');
  const started = performance.now();
  let uploaded = 0;
  while (uploaded < files) {
    const form = new FormData();
    const batch = Math.min(perRequest, files - uploaded);
    for (let i = 0; i < batch; i += 1) form.append('files', await openAsBlob(source), `file-${uploaded + i}.txt`);
    const response = await fetch(`${target.url}/api/conversations/${conversation.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${sender.token}` }, body: form });
    if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
    uploaded += batch;
  }
  const seconds = (performance.now() - started) / 1000;
  const result = {
    at: new Date().toISOString(),
    files,
    sizeBytes,
    perRequest,
    seconds: Number(seconds.toFixed(2)),
    mbPerSecond: Number(((files * sizeBytes) / 1024 / 1024 / seconds).toFixed(1)),
    rssBeforeMiB: Number((rssBeforeKiB / 1024).toFixed(1)),
    peakRssMiB: Number(((await procKiB(pid, 'VmHWM')) / 1024).toFixed(1)),
    peakBeforeMiB: Number((hwmBeforeKiB / 1024).toFixed(1)),
    rssAfterMiB: Number(((await procKiB(pid, 'VmRSS')) / 1024).toFixed(1)),
  };
  const growthMiB = Number((result.peakRssMiB - result.rssBeforeMiB).toFixed(1));
  console.log(
    `${files} × ${values['size-mb']} MB in ${result.seconds} s (${result.mbPerSecond} MB/s): RSS ${result.rssBeforeMiB} MiB before, ` +
      `peak ${result.peakRssMiB} MiB (growth ${growthMiB} MiB; target < 50), ${result.rssAfterMiB} MiB after`,
  );
  const resultsDir = join(REPO_ROOT, 'bench', 'results');
  await mkdir(resultsDir, { recursive: true });
  const file = join(resultsDir, `uploads-${result.at.replace(/[:.]/g, '-').slice(0, 19)}.json`);
  await writeFile(file, `${JSON.stringify({ ...result, growthMiB }, null, 2)}\n`);
  console.log(`wrote ${file}`);
} finally {
  await target.stop();
  await rm(dir, { recursive: true, force: true });
}
