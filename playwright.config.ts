import fs from 'node:fs';

import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium where it is installed (no browser downloads on this network); Playwright's own elsewhere.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// The browser every project runs.
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  // The multi-instance journeys run against their own servers (playwright.cluster.config.ts).
  testIgnore: ['cluster/**'],
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL,
    // Recording a trace costs every test time (a snapshot and a screenshot per action) and a passing test's is
    // thrown away: CI records the retry of a failed test instead. Locally, add --trace retain-on-failure.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    // Signs in once per role and stores the sessions the journeys reuse (e2e/sign-in.setup.ts). It meets the
    // just-started server first, and every journey waits on it: a slow first answer is tried again.
    { name: 'sign-in', testMatch: 'sign-in.setup.ts', retries: 2, use: chromium },
    { name: 'chromium', dependencies: ['sign-in'], use: chromium },
  ],
  webServer: {
    // Its own database (fixtures only, never demo content) and its own build folder; see e2e/serve.ts.
    command: 'npx tsx e2e/serve.ts',
    url: `${baseURL}/api/health`,
    env: { E2E_PORT: String(PORT) },
    // A cold build on a loaded 2-core machine can take more than five minutes.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
  },
});
