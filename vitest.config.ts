import { defineConfig } from 'vitest/config';

/**
 * One test run for every package (Vitest projects):
 * - `server`: the server, SDK and browser end-to-end tests start real servers and real databases, so files
 *   run in separate processes (forks) with generous timeouts;
 * - `web`: React component tests in jsdom.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts', 'packages/sdk/test/**/*.test.ts', 'packages/web/e2e/**/*.test.ts'],
          pool: 'forks',
          globalSetup: ['./scripts/vitest-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      './packages/web/vitest.config.ts',
    ],
  },
});
