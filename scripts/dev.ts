/** `npm run dev`: like `npm start` (database, migrations, demo content when empty) but with `next dev`. */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { runMigrations } from '../db/migrate';
import { env } from '../lib/env';
import { ensureAuthSecret } from './lib/auth-secret';
import { resolveDatabase } from './lib/database';
import { seedIfEmpty } from './lib/seed';

const database = await resolveDatabase();
await runMigrations(database.url);
if (database.isEmbedded) await seedIfEmpty(database.url);

const server = spawn(path.join('node_modules', '.bin', 'next'), ['dev', '--port', String(env().PORT)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: ensureAuthSecret(), NEXT_TELEMETRY_DISABLED: '1' },
});
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.once('exit', (code) => {
  void database.release().then(() => process.exit(code ?? 0));
});
