import { expect } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@parley/protocol';
import { createTokenKeys } from '../../src/modules/identity/token-keys.js';
import { expectStatus, proposalBody, uniqueId } from './factories.js';
import getPort from 'get-port';

/** The repository root: child processes run from there, as `npm start` does. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The HS256 secret the spawned servers share with the tests (32+ characters). */
export const PROCESS_SECRET = 'parley-process-test-secret-0123456789abcdef';

/** Bound on start-up: the "listening" log line and then `/api/health` (ms). */
export const START_TIMEOUT_MS = 20_000;

/** How a child process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A spawned child process with its output collected. */
export interface Spawned {
  readonly child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Settles once the process has exited. */
  readonly exited: Promise<Exit>;
  /** Resolves with the first stdout match of `pattern`; rejects if the process exits first or after `timeoutMs`. */
  waitForStdout(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit; rejects after `timeoutMs` (the process is then killed by {@link killAll}). */
  waitForExit(timeoutMs: number): Promise<Exit>;
}

const live = new Set<Spawned>();

/** The environment a child starts from: ours without Parley settings, so each test states its own. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('PARLEY_') || key === 'PORT' || key === 'HOST' || key === 'NODE_OPTIONS') delete env[key];
  }
  return env;
}

/** Rejects with `message` after `ms` unless `promise` settles first. */
export function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (after ${ms} ms)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Spawns `command args` from the repository root in its own process group (so {@link killAll} reaches
 * the children of `npx` too) with `env` over a clean environment.
 */
export function spawnCommand(command: string, args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...baseEnv(), ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers = new Set<() => void>();
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const watch of watchers) watch();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // 'close' waits for stdio to drain, so stdout and stderr are complete when `exited` settles.
  const exited = new Promise<Exit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  const spawned: Spawned = {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    waitForStdout(pattern, timeoutMs) {
      const found = new Promise<RegExpMatchArray>((resolve, reject) => {
        const watch = () => {
          const match = stdout.match(pattern);
          if (!match) return;
          watchers.delete(watch);
          resolve(match);
        };
        watchers.add(watch);
        watch();
        void exited.then((exit) => reject(new Error(`process exited (${JSON.stringify(exit)}) before printing ${pattern}; stderr: ${stderr}`)));
      });
      return within(found, timeoutMs, `no ${pattern} on stdout; stdout so far: ${stdout.slice(-2000)}`);
    },
    waitForExit: (timeoutMs) => within(exited, timeoutMs, 'process did not exit'),
  };
  live.add(spawned);
  void exited.then(() => live.delete(spawned));
  return spawned;
}

/** Spawns the Parley CLI (`node --import tsx packages/server/src/cli.ts …args`). */
export function spawnParley(args: string[], env: Record<string, string> = {}): Spawned {
  return spawnCommand(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', ...args], env);
}

/** SIGKILLs the process group of every child still running and waits for each to exit. Call in afterEach/afterAll. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...live].map(async (spawned) => {
      const pid = spawned.child.pid;
      if (pid !== undefined) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Already gone: nothing to kill.
        }
      }
      await within(spawned.exited, 10_000, `process ${pid} survived SIGKILL`);
    }),
  );
}

/** A free TCP port on 127.0.0.1 (`get-port`: bound, read and released, so another process may take it first). */
export function freePort(): Promise<number> {
  return getPort({ host: '127.0.0.1' });
}

/** A fresh temporary directory and its removal. */
export async function tempDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'parley-process-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface ApiResult {
  status: number;
  // The body's shape is whatever the contract says for the route.
  body: any;
}

/** A running server process: its URL and how to call it. */
export interface ParleyProcess {
  readonly process: Spawned;
  readonly url: string;
  /** A `fetch` against `/api…` with an optional bearer token; JSON in and out. */
  api(token: string | null, method: string, path: string, body?: unknown): Promise<ApiResult>;
}

/** Calls `baseUrl/api…` (see {@link ParleyProcess.api}). */
export async function callApi(baseUrl: string, token: string | null, method: string, path: string, body?: unknown): Promise<ApiResult> {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Polls `GET /api/health` until it answers 200 `{"status":"ok"}`; rejects after `timeoutMs`. */
export async function waitForHealth(url: string, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const { status, body } = await callApi(url, null, 'GET', '/health');
      if (status === 200 && body?.status === 'ok') return;
      last = `${status} ${JSON.stringify(body)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    // A polling interval, not a wait for an event: the loop ends as soon as the server answers.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`GET /api/health did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

/**
 * Starts `parley <command>` (default `start`) on 127.0.0.1 with an info-level log, reads its URL from the
 * "Parley is listening on …" log line, and waits for `/api/health`. `env` adds or overrides settings;
 * the default port is 0 (the log line names the port chosen).
 */
export async function startParley(env: Record<string, string>, command: 'start' | 'demo' = 'start'): Promise<ParleyProcess> {
  const spawned = spawnParley([command], {
    PORT: '0',
    HOST: '127.0.0.1',
    PARLEY_JWT_SECRET: PROCESS_SECRET,
    PARLEY_LOG_LEVEL: 'info',
    ...env,
  });
  const [, url] = await spawned.waitForStdout(/Parley is listening on (http:\/\/[^\s"]+)/, START_TIMEOUT_MS);
  if (!url) throw new Error('the listening log line named no URL');
  await waitForHealth(url);
  return { process: spawned, url, api: (token, method, path, body) => callApi(url, token, method, path, body) };
}

/** Sends SIGTERM and waits for a graceful exit (bounded). */
export async function stopGracefully(server: ParleyProcess, timeoutMs = 10_000): Promise<Exit> {
  server.process.child.kill('SIGTERM');
  return server.process.waitForExit(timeoutMs);
}

const keys = createTokenKeys({ jwtSecret: PROCESS_SECRET, jwksUrl: undefined, devAuth: false });

/** A user the tests act as: id, role and a token signed with {@link PROCESS_SECRET}. */
export interface ProcessActor {
  id: string;
  role: Role;
  token: string;
}

/** Signs a token for a new user (created by the server on first sight), valid for an hour. */
export async function actor(role: Role): Promise<ProcessActor> {
  const id = uniqueId(role);
  return { id, role, token: await keys.sign({ sub: id, role, name: `${role} ${id}` }, 3600) };
}

/** The people and the conversation of one accepted project. */
export interface ProcessProject {
  client: ProcessActor;
  provider: ProcessActor;
  conversationId: string;
}

/**
 * Runs the marketplace flow through `server`'s API (contract § Marketplace flow): the client posts a
 * request, the provider proposes, an admin approves the provider, the client accepts.
 */
export async function createProjectThrough(server: ParleyProcess): Promise<ProcessProject> {
  const [client, provider, admin] = await Promise.all([actor('client'), actor('provider'), actor('admin')]);
  const request = await expectStatus(server.api(client.token, 'POST', '/requests', { title: 'Process test', description: 'Spawned servers' }), 201);
  const proposal = await expectStatus(server.api(provider.token, 'POST', `/requests/${request.id}/proposals`, proposalBody()), 201);
  await expectStatus(server.api(admin.token, 'POST', `/admin/providers/${provider.id}/approve`), 200);
  const accepted = await expectStatus(server.api(client.token, 'POST', `/proposals/${proposal.id}/accept`), 201);
  return { client, provider, conversationId: accepted.conversation.id };
}

/** Every message of a conversation in ascending `seq`, read page by page with `after`. */
export async function readAllMessages(server: ParleyProcess, token: string, conversationId: string): Promise<any[]> {
  const all: any[] = [];
  for (;;) {
    const after = all.at(-1)?.seq ?? 0;
    const page = await expectStatus(server.api(token, 'GET', `/conversations/${conversationId}/messages?after=${after}&limit=100`), 200);
    all.push(...page.items);
    if (!page.hasMore || page.items.length === 0) return all;
  }
}

/** A command that failed as the CLI should: a non-zero exit and exactly one stderr line containing `text` (a setting, a hint). */
export function expectOneLineError(exit: { code: number | null }, stderr: string, text: string): void {
  expect(exit.code).not.toBe(0);
  expect(exit.code).not.toBeNull();
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toContain(text);
}
