import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

/** Component tests (and unit tests of the app's helpers): React in jsdom, with Testing Library's matchers. */
export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
  },
});
