/**
 * `npm run load:comments`: 1,000 comments posted at once by 50 users against a fresh, throw-away database on the
 * configured server (or the embedded one), through the same data function the server action calls
 * (data/comments.ts#createComment: per-user advisory lock, rate limit, pre-moderation, insert in one transaction).
 * Prints how many were accepted and refused (by reason), how many rows exist afterwards, and the latency; exits
 * with status 1 if rows and accepted answers differ or any user got more than the per-minute limit.
 * Options: --users N (default 50), --per-user N (default 20), --pool N (connections, default 20).
 */
import { randomBytes } from 'node:crypto';

import { count, eq, sql } from 'drizzle-orm';

import { createDatabase, dropDatabase } from '../db/admin';
import { closeDb, getDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { articles, comments, sections, users } from '../db/schema';
import { createComment } from '../data/comments';
import { CommentRefusedError } from '../lib/errors';
import { resetEnvForTests } from '../lib/env';
import { MODERATION } from '../lib/moderation';
import { withDatabase } from './lib/database';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const USERS = argument('users', 50);
const PER_USER = argument('per-user', 20);
const POOL = argument('pool', 20);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

await withDatabase(async (server) => {
  const name = `newsroom_load_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const url = await createDatabase(server.adminUrl, name);
  try {
    await runMigrations(url);
    process.env.DATABASE_URL = url;
    process.env.DATABASE_POOL_SIZE = String(POOL);
    resetEnvForTests();
    const db = getDb();

    const [section] = await db.insert(sections).values({ slug: 'load', name: 'Load' }).returning({ id: sections.id });
    const [article] = await db
      .insert(articles)
      .values({ slug: 'load-test-story', sectionId: section!.id, headline: 'Load test story', status: 'published', publishedAt: new Date(Date.now() - 3_600_000) })
      .returning({ id: articles.id });
    const people = await db
      .insert(users)
      .values(Array.from({ length: USERS }, (_, n) => ({ name: `Load user ${n}`, email: `load-${n}@example.test` })))
      .returning({ id: users.id, name: users.name });
    // Half the users are established (two approved comments elsewhere in time), half are new and get held.
    const established = people.filter((_, n) => n % 2 === 0);
    await db.insert(comments).values(
      established.flatMap((person) => [1, 2].map((k) => ({ articleId: article!.id, userId: person.id, body: `Earlier ${k}`, status: 'published' as const, createdAt: new Date(Date.now() - 86_400_000) }))),
    );
    const [{ before }] = (await db.select({ before: count() }).from(comments)) as [{ before: number }];

    const outcomes = new Map<string, number>();
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      people.flatMap((person) =>
        Array.from({ length: PER_USER }, async (_, n) => {
          const t0 = performance.now();
          let outcome: string;
          try {
            const result = await createComment({ id: person.id, name: person.name, role: 'reader' }, { articleId: article!.id, parentId: null, body: `Comment ${n} from ${person.name} 🌊` });
            outcome = `accepted (${result.status})`;
          } catch (error) {
            if (!(error instanceof CommentRefusedError)) throw error;
            outcome = `refused: ${error.reason}`;
          }
          latencies.push(performance.now() - t0);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }),
      ),
    );
    const elapsed = performance.now() - started;

    const [{ after }] = (await db.select({ after: count() }).from(comments)) as [{ after: number }];
    const perUser = await db.execute<{ most: number }>(sql`select coalesce(max(n), 0)::int as most from (select count(*) as n from comments where created_at > now() - interval '5 minutes' group by user_id) t`);
    const accepted = [...outcomes].filter(([key]) => key.startsWith('accepted')).reduce((sum, [, value]) => sum + value, 0);
    const newRows = after - before;
    const most = Number(perUser[0]?.most ?? 0);
    latencies.sort((a, b) => a - b);

    console.log(`${USERS} users × ${PER_USER} comments = ${USERS * PER_USER} posted at once (pool of ${POOL} connections), limit ${MODERATION.perMinute}/minute per user`);
    for (const [key, value] of [...outcomes].sort()) console.log(`  ${key.padEnd(28)} ${value}`);
    console.log(`  rows written                 ${newRows}`);
    console.log(`  most comments by one user    ${most}`);
    console.log(`  wall time ${(elapsed / 1000).toFixed(2)} s; per call median ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`);
    const published = await db.select({ n: count() }).from(comments).where(eq(comments.status, 'published'));
    console.log(`  published rows now           ${published[0]?.n} (including ${before} seeded)`);
    if (newRows !== accepted || most > MODERATION.perMinute) {
      console.error(`MISMATCH: ${accepted} accepted answers but ${newRows} rows, or a user above the limit (${most})`);
      process.exitCode = 1;
    } else {
      console.log(`OK: exactly as many rows as accepted answers (${accepted}).`);
    }
  } finally {
    await closeDb();
    await dropDatabase(server.adminUrl, name);
  }
});
