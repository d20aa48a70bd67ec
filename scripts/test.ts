/**
 * `npm test`: types, lint, unit and integration tests (vitest, each run in a fresh database), then the Playwright
 * journeys against a production build (their own fresh database). Uses DATABASE_URL's server when set,
 * the embedded PostgreSQL otherwise.
 */
import path from 'node:path';

import { run } from './lib/build';

const bin = (name: string) => path.join('node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const steps: [string, string, string[]][] = [
  ['route types', bin('next'), ['typegen']],
  ['type check', bin('tsc'), ['--noEmit']],
  ['lint (house rules: imports of db/ and next-auth)', bin('eslint'), ['.', '--max-warnings', '0']],
  ['unit and integration tests', bin('vitest'), ['run']],
  ['end-to-end journeys', bin('playwright'), ['test']],
];

for (const [label, command, args] of steps) {
  console.log(`\n=== ${label}: ${[path.basename(command), ...args].join(' ')}`);
  const started = performance.now();
  try {
    await run(command, args, env);
  } catch {
    console.error(`\n${label} failed`);
    process.exit(1);
  }
  console.log(`=== ${label} passed in ${Math.round((performance.now() - started) / 1000)} s`);
}
