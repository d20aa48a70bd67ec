import { sql } from 'drizzle-orm';

import { connect } from '../../db/client';
import { seedDemoContent } from '../../db/seed/demo';
import { mediaDir } from '../../lib/env';
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
    const summary = await seedDemoContent(db, { mediaDir: mediaDir() });
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

const DEMO_VOICES = ['Morag from Leith', 'P. Okonkwo', 'Harbourside Resident', 'Tomasz W.'];
const DEMO_REMARKS = [
  'Thanks for explaining this so clearly. The second half answered the question I came with.',
  'I was at the meeting and this matches what was said, although the mood in the room was angrier than it reads here.',
  'Does anyone know whether the consultation is still open? The council website is not clear.',
  'Good to see the numbers laid out. It would help to know how they compare with last year.',
  'My street has been waiting for this for a decade. I will believe it when the diggers arrive.',
];

/**
 * A little discussion for the demo: four readers (who cannot sign in) comment under the five newest stories, with
 * replies and likes, one comment waiting for a moderator and one reported, so the moderation queue has work in it.
 */
async function createDemoDiscussion(url: string): Promise<void> {
  const { sql: client } = connect(url, { max: 1 });
  try {
    const voices = await client<{ id: string }[]>`insert into users (name, email) select name, 'demo.voice.' || ordinality || '@example.org'
      from unnest(${DEMO_VOICES}::text[]) with ordinality as t(name, ordinality) on conflict (email) do nothing returning id`;
    if (voices.length < DEMO_VOICES.length) return;
    const stories = await client<{ id: number; published_at: string | Date }[]>`select id, published_at from articles
      where status = 'published' and published_at <= now() order by published_at desc limit 5`;
    for (const [index, story] of stories.entries()) {
      const at = (minutes: number) => new Date(Math.min(Date.now() - 60_000, new Date(story.published_at).getTime() + minutes * 60_000)).toISOString();
      const [first] = await client<{ id: number }[]>`insert into comments (article_id, user_id, body, status, created_at)
        values (${story.id}, ${voices[index % 4]!.id}, ${DEMO_REMARKS[index]!}, 'published', ${at(20)}) returning id`;
      await client`insert into comments (article_id, user_id, parent_id, body, status, created_at)
        values (${story.id}, ${voices[(index + 1) % 4]!.id}, ${first!.id}, ${DEMO_REMARKS[(index + 2) % 5]!}, 'published', ${at(45)})`;
      const likers = voices.filter((_, n) => n !== index % 4).slice(0, 1 + (index % 3));
      for (const liker of likers) await client`insert into comment_likes (comment_id, user_id, created_at) values (${first!.id}, ${liker.id}, ${at(60)})`;
      await client`update comments set like_count = ${likers.length} where id = ${first!.id}`;
      if (index === 0) {
        await client`insert into comments (article_id, user_id, body, status, created_at)
          values (${story.id}, ${voices[3]!.id}, 'Cheap flights to anywhere at https://example.com/deals and https://example.com/more and https://example.com/again', 'pending', ${at(50)})`;
        await client`insert into comment_reports (comment_id, user_id, reason, note) values (${first!.id}, ${voices[2]!.id}, 'off_topic', 'Not about the story.')`;
      }
    }
    console.log(`demo discussion: ${stories.length * 2 + 1} comments under ${stories.length} stories`);
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
  await createDemoDiscussion(url);
}
