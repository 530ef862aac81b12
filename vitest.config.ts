import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Each test file opens its own SQLite files; forks keep native modules isolated.
    pool: 'forks',
    // A limit, not a speed check (speed goals live in the benchmarks): CLI tests spawn several tsx
    // processes, which on a 2-core machine with another job beside them took over 30 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
