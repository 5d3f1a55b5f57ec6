import { ensureWebBuild } from './ensure-web-build.js';

/** Before any test file runs: the browser tests and the server's web-app route need a current web build. */
export default function setup(): void {
  ensureWebBuild();
}
