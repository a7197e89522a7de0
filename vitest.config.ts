import { defineConfig } from 'vitest/config';

// Projects so `npm test` can run them in order: fast pure tests first,
// then the HTTP suites against real databases, then the browser. The
// reliability project is for `npm run test:reliability` only.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // `npm run test:reliability`: the security and reliability suites at full size
        // (the integration project runs their fast versions in `npm test`).
        test: {
          name: 'reliability',
          include: ['tests/security/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
          env: { RELIABILITY_FULL: '1' },
          testTimeout: 4 * 3_600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
