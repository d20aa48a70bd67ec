/**
 * `npm start`: the database (DATABASE_URL, or the embedded one under DATA_DIR), migrations, demo content for an
 * empty embedded database, a build that matches the source, then the site (server/main.ts: Next behind the page cache). Ctrl-C or SIGTERM stops the
 * site and then the embedded database, cleanly. An embedded database this process started is restarted, on the
 * same data and port, if it dies (a crash, `kill -9`); meanwhile the site serves what it has (docs/adr/0009).
 */
import { spawn, type ChildProcess } from 'node:child_process';

import { runMigrations } from '../db/migrate';
import { env } from '../lib/env';
import { ensureAuthSecret } from './lib/auth-secret';
import { ensureFreshBuild } from './lib/build';
import { resolveDatabase } from './lib/database';
import { seedIfEmpty } from './lib/seed';
import { SITE_SERVER_ARGS, SITE_SERVER_ENV } from './lib/site-process';

const database = await resolveDatabase();
let shuttingDown = false;
let site: ChildProcess | null = null;
/** Set when the site is stopped because something failed, so that `npm start` exits with an error. */
let failed = false;

async function shutdown(code: number): Promise<never> {
  shuttingDown = true;
  await database.release();
  process.exit(code);
}

/** Stops the site (it finishes requests in flight); its exit then stops the database and this process. */
function stopSite(message: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(message);
  site?.kill('SIGTERM');
}

database.restartOnCrash({
  onGiveUp: () => {
    failed = true;
    if (site) stopSite('the database could not be restarted: stopping the site...');
    else void shutdown(1);
  },
});

try {
  await runMigrations(database.url);
  if (database.isEmbedded) await seedIfEmpty(database.url);

  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: ensureAuthSecret(),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  } as NodeJS.ProcessEnv;
  // The folder next.config.js serves from: NEXT_DIST_DIR when set (a second checkout's build beside this one).
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  await ensureFreshBuild({ distDir, env: childEnv });

  const port = String(env().PORT);
  const server = spawn(process.execPath, SITE_SERVER_ARGS, {
    stdio: 'inherit',
    env: { ...childEnv, ...SITE_SERVER_ENV, NEXT_DIST_DIR: distDir, PORT: port },
  });
  site = server;
  console.log(`serving on http://localhost:${port}`);

  const stop = (signal: NodeJS.Signals) => stopSite(`\n${signal}: stopping the site...`);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.once('exit', (code, signal) => {
    void shutdown(failed ? 1 : (code ?? (signal ? 0 : 1)));
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
