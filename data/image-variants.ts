import 'server-only';

import fs from 'node:fs/promises';
import path from 'node:path';

import { and, asc, eq, gt, sql } from 'drizzle-orm';

import { getDb, type Database } from '@/db/client';
import { images } from '@/db/schema';
import { mediaDir } from '@/lib/env';
import { makeVariants } from '@/lib/image-variant-files';
import { VARIANT_WIDTHS } from '@/lib/image-variants';

export type VariantBackfill = { made: number; missing: string[]; failed: string[] };

/**
 * The one-off backfill (docs/adr/0029; `npm run images:variants`): makes the width variants of every picture stored
 * before they were made at upload, one picture at a time, oldest first. A picture whose original file is missing is
 * reported and left as it is (pages offer its `src` alone); so is one sharp cannot read. The row is updated only
 * while its variants are still empty, so a run beside an upload or a second run never overwrites a made set.
 * Public pages pick the variants up when their cached reads next expire (hours; the media route needs nothing).
 */
export async function backfillImageVariants(options: { db?: Database; log?: (line: string) => void } = {}): Promise<VariantBackfill> {
  const db = options.db ?? getDb();
  const result: VariantBackfill = { made: 0, missing: [], failed: [] };
  // Pictures no wider than the narrowest variant have nothing to make.
  const rows = await db
    .select({ id: images.id, fileName: images.fileName, width: images.width, height: images.height })
    .from(images)
    .where(and(sql`${images.variants} = '[]'::jsonb`, gt(images.width, VARIANT_WIDTHS[0])))
    .orderBy(asc(images.id));
  for (const row of rows) {
    let source: Buffer;
    try {
      source = await fs.readFile(path.join(mediaDir(), row.fileName));
    } catch {
      result.missing.push(row.fileName);
      continue;
    }
    try {
      const variants = await makeVariants(mediaDir(), row, source, { overwrite: true });
      await db.update(images).set({ variants }).where(and(eq(images.id, row.id), sql`${images.variants} = '[]'::jsonb`));
      result.made += 1;
      options.log?.(`${row.fileName}: ${variants.map((variant) => variant.width).join(', ')}`);
    } catch (error) {
      result.failed.push(row.fileName);
      options.log?.(`${row.fileName}: not made (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return result;
}
