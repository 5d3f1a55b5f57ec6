import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: every child runs from there so `tsx` and the workspaces resolve. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A spawned child and the output it printed so far (kept to the last 64 KB of each stream). */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly exited: Promise<void>;
  output(): string;
}

const live = new Set<Child>();
const OUTPUT_LIMIT = 64 * 1024;

/**
 * Spawns `node <nodeArgs> --import tsx <script> <scriptArgs>` from the repository root with an IPC channel, and registers it
 * so {@link killAllChildren} (run on exit, SIGINT, SIGTERM and uncaught errors) reaches it.
 */
export function spawnTsx(name: string, nodeArgs: readonly string[], script: string, scriptArgs: readonly string[], env: NodeJS.ProcessEnv): Child {
  return spawnChild(name, process.execPath, [...nodeArgs, '--import', 'tsx', script, ...scriptArgs], env, true);
}

/** Spawns any `command` (e.g. `redis-server`) from the repository root, registered for {@link killAllChildren} like {@link spawnTsx}. */
export function spawnCommand(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Child {
  return spawnChild(name, command, args, env, false);
}

function spawnChild(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv, ipc: boolean): Child {
  const proc = spawn(command, args, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const child: Child = { name, process: proc, exited, output: () => out };
  live.add(child);
  void exited.then(() => live.delete(child));
  return child;
}

/** Resolves once `child` has exited; sends `signal` first, then SIGKILL after `graceMs` (ms). */
export async function stopChild(child: Child, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill(signal);
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** SIGKILLs every child still alive (synchronous, so it also works inside an `exit` handler). */
export function killAllChildren(): void {
  for (const child of live) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  }
}

/** Kills every child when this process ends in any way: normal exit, SIGINT, SIGTERM, uncaught error. */
export function installChildCleanup(): void {
  process.on('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping every child process`);
      killAllChildren();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (error) => {
    console.error(error);
    killAllChildren();
    process.exit(1);
  });
}

/** Rejects with `message` after `ms` unless `promise` settles first. */
export function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (after ${ms} ms)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `url` until it answers 200, at most `attempts` times `intervalMs` apart; throws with `child`'s output otherwise. */
export async function waitForHttp(url: string, child: Child, attempts = 200, intervalMs = 100): Promise<void> {
  for (let i = 0; i < attempts; i += 1) {
    if (child.process.exitCode !== null) break;
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${child.name} did not answer ${url}:\n${child.output()}`);
}
