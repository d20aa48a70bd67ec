/**
 * The server the Playwright suite runs against: a fresh database of its own on the configured server (or the
 * embedded one), the suite's fixture newsroom written into it BEFORE the server starts (so cached pages include
 * it), a production build in .next-e2e, and the site as `npm start` runs it (server/main.ts). On SIGTERM it stops the server and drops the database.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import { ensureFreshBuild } from '../scripts/lib/build';
import { SITE_SERVER_ARGS, SITE_SERVER_ENV } from '../scripts/lib/site-process';
import { publishDatabaseUrl } from './support/database-address';
import { prepareFixtureDatabase } from './support/fixture-database';
import { startMailCatcher } from './support/mail-catcher';

const port = process.env.E2E_PORT ?? '3100';
// Separate build folders let two suites (say, two people's branches) run side by side.
const distDir = process.env.E2E_DIST_DIR ?? '.next-e2e';
const { url, cleanUp: dropDatabase } = await prepareFixtureDatabase('newsroom_e2e_');
// Journeys read what the site stored in this database, and the mail it sent (e2e/support/mailbox.ts) from a real
// SMTP server of the suite's own.
const forgetDatabaseUrl = publishDatabaseUrl(port, url);
const mail = await startMailCatcher([port]);
const cleanUp = async () => {
  forgetDatabaseUrl();
  await mail.close();
  await dropDatabase();
};

try {
  const childEnv = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    SITE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: process.env.DATA_DIR ?? './.data',
    // The site's own worker delivers the journeys' mail through the outbox and SMTP, as in production.
    WORKER: 'on',
    SMTP_URL: mail.url,
    // Every journey registers from 127.0.0.1: the per-client registration limit (5 an hour) is tested by vitest.
    REGISTRATIONS_PER_HOUR: '10000',
  } as NodeJS.ProcessEnv;
  await ensureFreshBuild({ distDir, env: childEnv });

  const next = spawn(process.execPath, SITE_SERVER_ARGS, {
    stdio: 'inherit',
    env: { ...childEnv, ...SITE_SERVER_ENV, NEXT_DIST_DIR: distDir, PORT: port },
  });
  const stop = () => next.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  next.once('exit', (code) => {
    void cleanUp().then(() => process.exit(code ?? 0));
  });
} catch (error) {
  console.error(error);
  await cleanUp();
  process.exit(1);
}
