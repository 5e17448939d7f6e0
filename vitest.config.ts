import { defineConfig } from 'vitest/config';

/**
 * Two projects: `fast` (unit, event-log stories, validation against theory: `npm run test:fast`,
 * about 50 s on two cores, 27 s of it in tests) and `slow` (everything else: CLI and worker runs, staffing and
 * schedule searches, hardening, the browser page). `npm test` runs both. A new test file is slow
 * unless it sits in one of the fast folders below.
 */
const FAST = [
  'test/engine/**/*.test.ts',
  'test/random/**/*.test.ts',
  'test/analytic/**/*.test.ts',
  'test/scenario/**/*.test.ts',
  'test/model/**/*.test.ts',
  'test/experiment/**/*.test.ts',
  'test/validation/**/*.test.ts',
  // Unit tests of the optimizer on injected evaluations (no simulation, no solver run).
  'test/optimize/requiredAgents.test.ts',
  'test/optimize/staffingSearch.test.ts',
  'test/optimize/scheduleTemplates.test.ts',
  // History: the CSV readers' units and the estimators' parts (what fits, forecasts or simulates
  // weeks of history stays slow).
  'test/history/{csvStream,fields,columns,holidays,readContactLog,forecastParts,forecastOutput,fitHandleTime,replayPlan}.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'fast', include: FAST } },
      { extends: true, test: { name: 'slow', include: ['test/**/*.test.ts'], exclude: FAST } },
    ],
  },
});
