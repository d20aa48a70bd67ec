import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import sharp from 'sharp';

import { createDatabase, dropAbandonedDatabases, dropDatabase } from '../../db/admin';
import { connect, type Database } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { mediaDir } from '../../lib/env';
import { resolveDatabase } from '../../scripts/lib/database';
import { seedFixtureNewsroom } from '../fixtures/newsroom';

/**
 * A fresh database named `<prefix><time>_<random>` on the configured server (or the embedded one), migrated, with
 * the suite's fixture newsroom and its hero picture in MEDIA_DIR; `extra` may add rows of a suite's own. `cleanUp`
 * removes both and releases the server.
 */
export async function prepareFixtureDatabase(prefix: string, extra?: (db: Database) => Promise<void>): Promise<{ url: string; cleanUp: () => Promise<void> }> {
  const server = await resolveDatabase();
  if (!/^postgres(ql)?:\/\/[^/]*@?(127\.0\.0\.1|localhost)[:/]/.test(server.adminUrl)) {
    throw new Error('The end-to-end suites only run against a local database server.');
  }
  await dropAbandonedDatabases(server.adminUrl, prefix);
  const name = `${prefix}${Date.now()}_${randomBytes(3).toString('hex')}`;
  const url = await createDatabase(server.adminUrl, name);
  const heroFile = path.join(mediaDir(), `${name.replaceAll('_', '-')}.webp`);
  const cleanUp = async () => {
    fs.rmSync(heroFile, { force: true });
    await dropDatabase(server.adminUrl, name).catch((error) => console.error('could not drop', name, error));
    await server.release();
  };
  try {
    await runMigrations(url);
    const { sql, db } = connect(url, { max: 2 });
    fs.mkdirSync(path.dirname(heroFile), { recursive: true });
    await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#2f5d7c' } }).webp().toFile(heroFile);
    await seedFixtureNewsroom(db, { heroFileName: path.basename(heroFile) });
    await extra?.(db);
    await sql.end();
    return { url, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
