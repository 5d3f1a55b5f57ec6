/**
 * Meeting token issuance benchmark (issue 7: at least 10,000 tokens/s with p99 ≤ 10 ms on this machine): a real Parley
 * process with Agora configured, one active project meeting, and autocannon posting `POST /api/meetings/:id/token`
 * with a participant's bearer token over `--connections` keep-alive connections for `--duration` seconds.
 * Every answer is a real AccessToken2 signed by agora-token (the uid bound to the caller).
 * Run: `npm run bench:meetings [-- --connections 50 --duration 15 --profile <dir>]`; results in bench/results/meetings-*.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { installChildCleanup, REPO_ROOT } from '../delivery/children.js';
import { startParley } from '../delivery/targets.js';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    /** A directory for `node --cpu-prof` output of the Parley process. */
    profile: { type: 'string' },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);

installChildCleanup();
const target = await startParley({
  conversations: 1,
  room: 2,
  setupConcurrency: 1,
  ...(values.profile ? { cpuProfileDir: values.profile } : {}),
  env: { PARLEY_AGORA_APP_ID: '0123456789abcdef0123456789abcdef', PARLEY_AGORA_APP_CERTIFICATE: 'fedcba9876543210fedcba9876543210' },
});
try {
  const members = target.conversations[0]?.members ?? [];
  const [host, guest] = members;
  if (!host?.token || !guest?.token) throw new Error('the bench conversation has no members');
  // The contract's ProjectPage: the bench client's one project.
  const projects = (await (await fetch(`${target.url}/api/projects`, { headers: { authorization: `Bearer ${host.token}` } })).json()) as { items: { id: string }[] };
  const projectId = projects.items[0]?.id ?? '';
  const created = await fetch(`${target.url}/api/projects/${projectId}/meetings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Bench' }),
  });
  const meeting = (await created.json()) as { id: string };
  await fetch(`${target.url}/api/meetings/${meeting.id}/start`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` } });
  const run = (seconds: number) =>
    autocannon({
      url: `${target.url}/api/meetings/${meeting.id}/token`,
      method: 'POST',
      connections,
      duration: seconds,
      headers: { authorization: `Bearer ${guest.token}` },
    });
  await run(Number(values.warmup));
  const result = await run(duration);
  const summary = {
    at: new Date().toISOString(),
    connections,
    durationS: duration,
    requests: result.requests.total,
    tokensPerSecond: Math.round(result.requests.average),
    non2xx: result.non2xx,
    errors: result.errors,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    target: { tokensPerSecond: 10_000, p99Ms: 10 },
  };
  console.log(
    `${summary.tokensPerSecond} tokens/s over ${connections} connections for ${duration} s (target 10,000): p50 ${summary.latencyMs.p50} ms, ` +
      `p90 ${summary.latencyMs.p90} ms, p99 ${summary.latencyMs.p99} ms (target ≤ 10), max ${summary.latencyMs.max} ms; non-2xx ${summary.non2xx}, errors ${summary.errors}`,
  );
  const dir = join(REPO_ROOT, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `meetings-${summary.at.replace(/[:.]/g, '-').slice(0, 19)}.json`);
  await writeFile(file, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`wrote ${file}`);
} finally {
  await target.stop();
}
