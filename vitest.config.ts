import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'test/**/*.test.{ts,tsx}',
      'admin/src/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
    ],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests poll for what a click or an upload brings; on a loaded machine that can take
    // seconds, not the default one.
    expect: { poll: { timeout: 15_000 } },
    // `.only` left in a test file fails the run instead of silently skipping the rest.
    allowOnly: false,
  },
})
