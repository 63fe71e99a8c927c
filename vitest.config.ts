import { defineConfig } from 'vitest/config';

// Two tiers. `unit`: pure logic and in-process servers, no child processes (npm run test:unit, seconds).
// `cluster`: real helm and kubectl against the test API server, and dist/index.js run as the runner
// does; its global set-up checks once what every one of its tests needs (binaries, charts, dist/) and
// fails the run with one message when something is missing. `npm test` runs both.
const UNIT = [
  '__tests__/config.test.ts',
  '__tests__/values/**/*.test.ts',
  '__tests__/verify/**/*.test.ts',
  '__tests__/report/**/*.test.ts',
  '__tests__/github/**/*.test.ts',
  '__tests__/unit/**/*.test.ts',
  '__tests__/k8s/units.test.ts',
  '__tests__/docs/action-yml.test.ts',
  '__tests__/docs/fresh-clone.test.ts',
  '__tests__/tools/{download,pins,platform,checksum}.test.ts',
  '__tests__/inputs/**/*.test.ts',
  '__tests__/redact/**/*.test.ts',
  '__tests__/log/**/*.test.ts',
  '__tests__/migration/**/*.test.ts',
  '__tests__/bgp/units.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores on every machine that runs this: more workers only add contention.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, setupFiles: ['__tests__/setup/no-processes.ts'] } },
      {
        extends: true,
        test: { name: 'cluster', include: ['__tests__/**/*.test.ts'], exclude: UNIT, globalSetup: ['__tests__/setup/global.ts'] },
      },
    ],
  },
});
