/**
 * `npm run images:variants`: makes the width variants of every library picture stored before uploads made them
 * (data/image-variants.ts, docs/adr/0029). Uses DATABASE_URL, or the embedded database under DATA_DIR, and the media
 * directory under DATA_DIR. Safe to run again: pictures that have their variants are skipped.
 */
import { backfillImageVariants } from '../data/image-variants';
import { connect } from '../db/client';
import { withDatabase } from './lib/database';

await withDatabase(async ({ url }) => {
  const { sql: client, db } = connect(url, { max: 1 });
  try {
    const result = await backfillImageVariants({ db, log: (line) => console.log(line) });
    console.log(`variants made for ${result.made} pictures; original missing: ${result.missing.length}; failed: ${result.failed.length}`);
    if (result.missing.length) console.log(`missing originals: ${result.missing.join(', ')}`);
    if (result.failed.length) process.exitCode = 1;
  } finally {
    await client.end({ timeout: 5 });
  }
});
