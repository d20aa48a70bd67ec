/**
 * The server the Playwright suite runs against: a fresh database of its own on the configured server (or the
 * embedded one), the suite's fixture newsroom written into it BEFORE the server starts (so cached pages include
 * it), a production build in .next-e2e, and the site as `npm start` runs it (server/main.ts). On SIGTERM it stops the server and drops the database.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import sharp from 'sharp';

import { createDatabase, dropAbandonedDatabases, dropDatabase } from '../db/admin';
import { connect } from '../db/client';
import { runMigrations } from '../db/migrate';
import { mediaDir } from '../lib/env';
import { ensureFreshBuild } from '../scripts/lib/build';
import { resolveDatabase } from '../scripts/lib/database';
import { seedFixtureNewsroom } from './fixtures/newsroom';

const port = process.env.E2E_PORT ?? '3100';
// Separate build folders let two suites (say, two people's branches) run side by side.
const distDir = process.env.E2E_DIST_DIR ?? '.next-e2e';
const server = await resolveDatabase();
if (!/^postgres(ql)?:\/\/[^/]*@?(127\.0\.0\.1|localhost)[:/]/.test(server.adminUrl)) {
  throw new Error('The end-to-end suite only runs against a local database server.');
}
await dropAbandonedDatabases(server.adminUrl, 'newsroom_e2e_');
const name = `newsroom_e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
const url = await createDatabase(server.adminUrl, name);
const heroFile = path.join(mediaDir(), `${name.replaceAll('_', '-')}.webp`);

async function cleanUp() {
  fs.rmSync(heroFile, { force: true });
  await dropDatabase(server.adminUrl, name).catch((error) => console.error('could not drop', name, error));
  await server.release();
}

try {
  await runMigrations(url);
  const { sql, db } = connect(url, { max: 2 });
  fs.mkdirSync(path.dirname(heroFile), { recursive: true });
  await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#2f5d7c' } }).webp().toFile(heroFile);
  await seedFixtureNewsroom(db, { heroFileName: path.basename(heroFile) });
  await sql.end();

  const childEnv = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    SITE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: process.env.DATA_DIR ?? './.data',
  } as NodeJS.ProcessEnv;
  await ensureFreshBuild({ distDir, env: childEnv });

  // Plain Node with tsx's loader (not the tsx CLI, which SIGKILLs a child that takes a moment over SIGTERM).
  const next = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...childEnv, NEXT_DIST_DIR: distDir, PORT: port },
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
