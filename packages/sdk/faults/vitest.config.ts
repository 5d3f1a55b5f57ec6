import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The fault tests of issue 4 (`*.faults.ts`): forced disconnects, lost acknowledgements, a server killed
 * with SIGKILL. They run for a minute or more, so the normal `vitest run` leaves them out; run them with
 * `npx vitest run --config packages/sdk/faults/vitest.config.ts` (FAULTS_DURATION_S sets the send streams'
 * length, default 60 s; FAULTS_SEED repeats a disconnect schedule). One file at a time, in forks.
 */
const durationS = Number(process.env.FAULTS_DURATION_S ?? 60);

export default defineConfig({
  root: fileURLToPath(new URL('../../../', import.meta.url)),
  test: {
    name: 'faults',
    include: ['packages/sdk/faults/**/*.faults.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: (Number.isFinite(durationS) ? durationS : 60) * 1000 + 240_000,
    hookTimeout: 120_000,
  },
});
