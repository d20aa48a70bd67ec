import path from 'node:path';

import { sql } from 'drizzle-orm';

import { connect } from '../../db/client';
import { seedDemoContent } from '../../db/seed/demo';
import { dataDir } from '../../lib/env';

export async function hasContent(url: string): Promise<boolean> {
  const { sql: client, db } = connect(url, { max: 1 });
  try {
    const rows = await db.execute<{ exists: boolean }>(sql`select exists (select 1 from articles) or exists (select 1 from sections) as exists`);
    return Boolean(rows[0]?.exists);
  } finally {
    await client.end({ timeout: 5 });
  }
}

export async function seedDemo(url: string): Promise<void> {
  const { sql: client, db } = connect(url, { max: 2 });
  try {
    const started = performance.now();
    const summary = await seedDemoContent(db, { mediaDir: path.join(dataDir(), 'media') });
    console.log(
      `demo content: ${summary.sections} sections, ${summary.tags} tags, ${summary.authors} authors, ${summary.articles} articles ` +
        `(${summary.scheduled} scheduled), ${summary.images} images in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Fills an empty database with the demo newspaper; leaves one with any content alone. */
export async function seedIfEmpty(url: string): Promise<void> {
  if (await hasContent(url)) return;
  console.log('empty database: writing the demo newspaper...');
  await seedDemo(url);
}
