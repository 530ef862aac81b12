import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Each test file opens its own SQLite files; forks keep native modules isolated.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
