import { defineConfig } from 'vitest/config';

/**
 * One test run for every package. Server tests start real servers and real databases,
 * so files run in separate processes (forks) and each test has a generous timeout.
 */
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
