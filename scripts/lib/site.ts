import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { createDatabase, dropAbandonedDatabases, dropDatabase } from '../../db/admin';
import { runMigrations } from '../../db/migrate';
import { ensureFreshBuild } from './build';
import type { Cleanup } from './cleanup';
import { resolveDatabase } from './database';
import { request } from './http';
import { seedIfEmpty } from './seed';

/** The first port from `preferred` on that nothing listens on (checked the way server/main.ts listens: every interface). */
export async function freePort(preferred: number, tries = 50): Promise<number> {
  for (let port = preferred; port < preferred + tries; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once('error', () => resolve(false));
      probe.listen(port, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${preferred}-${preferred + tries - 1}`);
}

async function waitForHealth(origin: string, exited: () => string | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`the site stopped before it was ready (${exit})`);
    const reply = await request(`${origin}/api/health`, { timeoutMs: 5000 }).catch(() => null);
    if (reply?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${origin}/api/health did not answer 200 within ${timeoutMs / 1000} s`);
}

/**
 * The production site as `npm start` runs it (server/main.ts), on a fresh database of its own with the demo newspaper
 * and demo accounts: created on DATABASE_URL's server, or on the embedded one. Everything it starts is undone by
 * `cleanup` (server stopped, database dropped, embedded server released). Server output goes to `logFile`.
 */
export async function startSiteOnFreshDatabase(
  cleanup: Cleanup,
  options: { databasePrefix: string; port: number; distDir: string; logFile: string },
): Promise<{ origin: string }> {
  const server = await resolveDatabase();
  cleanup.add('release the database server', () => server.release());
  await dropAbandonedDatabases(server.adminUrl, options.databasePrefix);
  const name = `${options.databasePrefix}${Date.now()}_${randomBytes(3).toString('hex')}`;
  const url = await createDatabase(server.adminUrl, name);
  cleanup.add(`drop the database ${name}`, () => dropDatabase(server.adminUrl, name));
  console.log(`database ${name}`);
  await runMigrations(url);
  await seedIfEmpty(url);

  const origin = `http://127.0.0.1:${options.port}`;
  const env = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(options.port),
    SITE_URL: origin,
    NEXT_DIST_DIR: options.distDir,
  } as NodeJS.ProcessEnv;
  await ensureFreshBuild({ distDir: options.distDir, env });

  const log = fs.openSync(options.logFile, 'w');
  // A process group of its own: tsx runs the server in a child process, and a server that will not stop is killed with it.
  const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['server/main.ts'], { env, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      exit = error.message;
      resolve();
    });
    child.once('exit', (code, signal) => {
      exit = `exit code ${code ?? signal}`;
      resolve();
    });
  });
  cleanup.add('stop the site', async () => {
    if (exit) return;
    // To the whole group: tsx's own relay kills its child outright when the child is too busy to confirm the signal.
    process.kill(-child.pid!, 'SIGTERM');
    const killer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  });
  console.log(`site starting on ${origin} (log: ${options.logFile})`);
  await waitForHealth(origin, () => exit, 180_000);
  return { origin };
}
