import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { TestServer } from '../../../server/test/support/server.js';
import { startApp, stopApp, type ContextPool } from './app.js';

/**
 * Registers a test file's lifecycle: {@link startApp} (with `env`) before all tests, its server and browser handed
 * to `onStart`, and {@link stopApp} after all, closing `pool`'s contexts too.
 */
export function useApp(pool: ContextPool, onStart: (started: [TestServer, Browser]) => void, env: Record<string, string> = {}): void {
  let started: [TestServer, Browser] | undefined;
  beforeAll(async () => {
    started = await startApp(env);
    onStart(started);
  });
  afterAll(() => stopApp(pool, started?.[1], started?.[0]));
}
