import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import sharp from 'sharp';

import { createDatabase, dropAbandonedDatabases, dropDatabase } from '../../db/admin';
import { connect, type Database } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { mediaDir } from '../../lib/env';
import { makeVariants, removeVariantFiles } from '../../lib/image-variant-files';
import type { ImageVariant } from '../../lib/image-variants';
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
  let variants: ImageVariant[] = [];
  const cleanUp = async () => {
    fs.rmSync(heroFile, { force: true });
    await removeVariantFiles(mediaDir(), variants);
    await dropDatabase(server.adminUrl, name).catch((error) => console.error('could not drop', name, error));
    await server.release();
  };
  try {
    await runMigrations(url);
    const { sql, db } = connect(url, { max: 2 });
    fs.mkdirSync(path.dirname(heroFile), { recursive: true });
    const heroBytes = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#2f5d7c' } }).webp().toBuffer();
    fs.writeFileSync(heroFile, heroBytes);
    // Its width variants, as an upload makes them (docs/adr/0029): the pictures journey checks the browser picks one.
    variants = await makeVariants(mediaDir(), { fileName: path.basename(heroFile), width: 1200, height: 675 }, heroBytes, { overwrite: true });
    await seedFixtureNewsroom(db, { heroFileName: path.basename(heroFile), heroVariants: variants });
    await extra?.(db);
    await sql.end();
    return { url, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
