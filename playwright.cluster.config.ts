import fs from 'node:fs';

import { defineConfig, devices } from '@playwright/test';

import { topology } from './e2e/cluster/topology';

/**
 * `npm run test:cluster`: the multi-instance journeys (e2e/cluster/) against two instances of the site behind nginx
 * with a shared Redis, all started by e2e/cluster/serve.ts. Needs nginx and redis-server installed (.ci/run installs
 * them from Debian's packages).
 */
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './e2e/cluster',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 120_000,
  reporter: [['list']],
  use: {
    baseURL: topology.nginx,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: {
    command: 'npx tsx e2e/cluster/serve.ts',
    url: `${topology.nginx}/api/health`,
    timeout: 420_000,
    // Locally a cluster left running (`npx tsx e2e/cluster/serve.ts`) is reused; CI always starts its own.
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
  },
});
