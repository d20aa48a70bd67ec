import { sql } from 'drizzle-orm';

import { connect } from '../../db/client';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../../db/seed/accounts';
import { seedDemoContent } from '../../db/seed/demo';
import { seedDemoDiscussion } from '../../db/seed/discussion';
import { mediaDir } from '../../lib/env';

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
    const summary = await seedDemoContent(db, { mediaDir: mediaDir() });
    console.log(
      `demo content: ${summary.sections} sections, ${summary.tags} tags, ${summary.authors} authors, ${summary.articles} articles ` +
        `(${summary.scheduled} scheduled), ${summary.images} images in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** The demo accounts and the demo discussion (db/seed/accounts.ts, db/seed/discussion.ts). */
async function seedDemoPeople(url: string): Promise<void> {
  const { sql: client, db } = connect(url, { max: 1 });
  try {
    await seedDemoAccounts(db);
    console.log(`demo accounts: ${DEMO_ACCOUNTS.map((account) => account.email).join(', ')} (passwords in the README)`);
    const discussion = await seedDemoDiscussion(db);
    if (discussion.comments) console.log(`demo discussion: ${discussion.comments} comments under ${discussion.stories} stories`);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Fills an empty (embedded) database with the demo newspaper and the demo accounts; leaves one with content alone. */
export async function seedIfEmpty(url: string): Promise<void> {
  if (await hasContent(url)) return;
  console.log('empty database: writing the demo newspaper...');
  await seedDemo(url);
  await seedDemoPeople(url);
}
