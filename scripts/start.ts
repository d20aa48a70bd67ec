/**
 * `npm start`: the database (DATABASE_URL, or the embedded one under DATA_DIR), migrations, demo content for an
 * empty embedded database, a build that matches the source, then the site (server/main.ts: Next behind the page cache). Ctrl-C or SIGTERM stops the
 * site and then the embedded database, cleanly.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { runMigrations } from '../db/migrate';
import { env } from '../lib/env';
import { ensureAuthSecret } from './lib/auth-secret';
import { ensureFreshBuild } from './lib/build';
import { resolveDatabase } from './lib/database';
import { seedIfEmpty } from './lib/seed';

const database = await resolveDatabase();
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  shuttingDown = true;
  await database.release();
  process.exit(code);
}

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
  await ensureFreshBuild({ distDir: '.next', env: childEnv });

  const port = String(env().PORT);
  const server = spawn(path.join('node_modules', '.bin', 'tsx'), ['server/main.ts'], { stdio: 'inherit', env: { ...childEnv, PORT: port } });
  console.log(`serving on http://localhost:${port}`);

  const stop = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`\n${signal}: stopping the site...`);
    server.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.once('exit', (code, signal) => {
    void shutdown(code ?? (signal ? 0 : 1));
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
