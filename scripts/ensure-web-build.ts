import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What goes into the web bundle: the app, and the SDK and protocol it imports. */
const SOURCES = ['packages/web/src', 'packages/web/index.html', 'packages/web/vite.config.ts', 'packages/web/package.json', 'packages/sdk/src', 'packages/protocol/src'];
const BUILT = 'packages/web/dist/index.html';

/** Newest modification time (ms) of a file or of any file below a folder. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** True when `packages/web/dist` is missing or older than any of its sources. */
export function webBuildIsStale(): boolean {
  const built = join(ROOT, BUILT);
  if (!existsSync(built)) return true;
  const sources = SOURCES.map((path) => join(ROOT, path)).filter((path) => existsSync(path));
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Builds the web app with Vite when it is missing or stale; throws when the build fails. */
export function ensureWebBuild(): void {
  if (!webBuildIsStale()) return;
  console.log('Building the web app (packages/web)…');
  // A production bundle even when called from the test runner (Vitest sets NODE_ENV=test, which would
  // make Vite build React's development bundle and leave it in dist/ for `npm start`).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build', '-w', '@parley/web'], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`the web app build failed (exit ${String(result.status)})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureWebBuild();
