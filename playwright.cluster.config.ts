import { defineConfig } from '@playwright/test';

import { topology } from './e2e/cluster/topology';
import base from './playwright.config';

/**
 * `npm run test:cluster`: the multi-instance journeys (e2e/cluster/) against two instances of the site behind nginx
 * with a shared Redis, all started by e2e/cluster/serve.ts. The same browser as the main suite. Needs nginx and
 * redis-server installed (.ci/run installs them from Debian's packages).
 */
export default defineConfig({
  ...base,
  testDir: './e2e/cluster',
  testIgnore: [],
  retries: 0,
  timeout: 120_000,
  use: { ...base.use, baseURL: topology.nginx },
  webServer: {
    // Plain Node with tsx's loader: the tsx CLI would SIGKILL the server while it stops the cluster it started.
    command: 'node --import tsx e2e/cluster/serve.ts',
    url: `${topology.nginx}/api/health`,
    timeout: 420_000,
    // Locally a cluster left running (`npx tsx e2e/cluster/serve.ts`) is reused; CI always starts its own.
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
  },
});
