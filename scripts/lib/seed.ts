import path from 'node:path';

import { sql } from 'drizzle-orm';

import { connect } from '../../db/client';
import { seedDemoContent } from '../../db/seed/demo';
import { dataDir } from '../../lib/env';
import { hashPassword } from '../../lib/passwords';

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

/** The demo accounts of the embedded database, one per role (listed in the README). Never on DATABASE_URL. */
export const DEMO_ACCOUNTS = [
  { role: 'reader', name: 'Demo Reader', email: 'demo.reader@example.org', password: 'demo-reader-password' },
  { role: 'contributor', name: 'Demo Contributor', email: 'demo.contributor@example.org', password: 'demo-contributor-password' },
  { role: 'editor', name: 'Demo Editor', email: 'demo.editor@example.org', password: 'demo-editor-password' },
  { role: 'admin', name: 'Demo Admin', email: 'demo.admin@example.org', password: 'demo-admin-password' },
] as const;

async function createDemoAccounts(url: string): Promise<void> {
  const { sql: client } = connect(url, { max: 1 });
  try {
    for (const account of DEMO_ACCOUNTS) {
      const passwordHash = await hashPassword(account.password);
      await client`insert into users (name, email, role, password_hash) values (${account.name}, ${account.email}, ${account.role}, ${passwordHash})
        on conflict (email) do nothing`;
    }
    console.log(`demo accounts: ${DEMO_ACCOUNTS.map((account) => account.email).join(', ')} (passwords in the README)`);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Fills an empty (embedded) database with the demo newspaper and the demo accounts; leaves one with content alone. */
export async function seedIfEmpty(url: string): Promise<void> {
  if (await hasContent(url)) return;
  console.log('empty database: writing the demo newspaper...');
  await seedDemo(url);
  await createDemoAccounts(url);
}
