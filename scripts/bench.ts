/**
 * `npm run bench`: builds (once) a separate database of 100,000 synthetic articles on the configured server (or the
 * embedded one) and prints the median and p99 over 200 runs of the related-stories query, the queries behind the
 * article, front and section pages and a mix of searches, uncached (the data cache is stubbed out), plus the EXPLAIN of
 * the related-stories query; then a 2,000-comment thread and the dashboard's desk list, home and moderation queue
 * (a discussion is added to the archive once). Options: --articles N (default 100000), --runs N (default 200), --rebuild,
 * --database NAME (default newsroom_bench_N), --only TEXT (only the measurements whose label contains TEXT).
 */
import { sql } from 'drizzle-orm';

import { closeDb, connect, getDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { getDeskOverview, listDeskArticles } from '../data/article-desk';
import { getDeskHome } from '../data/article-review';
import { getPublicArticle } from '../data/articles';
import { countPublic } from '../data/cards';
import { getThread } from '../data/comments';
import { getFrontPage, listSectionArticles } from '../data/lists';
import { listModerationQueue } from '../data/moderation';
import { relatedCandidatesQuery, scoreRelatedCandidates } from '../data/related';
import { searchArticles } from '../data/search';
import { resetEnvForTests } from '../lib/env';
import { fillBenchArchive, fillBenchDiscussion } from './lib/bench-data';
import { withDatabase } from './lib/database';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const ARTICLES = argument('articles', 100_000);
const RUNS = argument('runs', 200);
const REBUILD = process.argv.includes('--rebuild');
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] ?? '' : '';
const NAMED = process.argv.indexOf('--database');
// --database NAME: a database of its own (several people benchmarking branches on one server).
const DATABASE = NAMED > 0 ? process.argv[NAMED + 1]! : `newsroom_bench_${ARTICLES}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measure(label: string, run: (i: number) => Promise<unknown>) {
  if (ONLY && !label.includes(ONLY)) return;
  for (let i = 0; i < 10; i += 1) await run(i); // warm the connection pool and PostgreSQL's buffers
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((x, y) => x - y);
  console.log(`${label.padEnd(34)} median ${percentile(times, 50).toFixed(2).padStart(7)} ms   p99 ${percentile(times, 99).toFixed(2).padStart(7)} ms`);
}

await withDatabase(async (server) => {
  const admin = connect(server.adminUrl, { max: 1 });
  const exists = (await admin.sql`select 1 from pg_database where datname = ${DATABASE}`).length > 0;
  if (exists && REBUILD) await admin.sql`drop database ${admin.sql(DATABASE)} with (force)`;
  if (!exists || REBUILD) await admin.sql`create database ${admin.sql(DATABASE)}`;
  await admin.sql.end();

  const url = new URL(server.adminUrl);
  url.pathname = `/${DATABASE}`;
  await runMigrations(url.toString());
  const bench = connect(url.toString(), { max: 2 });
  const [{ count }] = (await bench.sql`select count(*)::int as count from articles`) as unknown as [{ count: number }];
  if (count === 0) {
    console.log(`building ${ARTICLES.toLocaleString('en')} articles in ${DATABASE} (once; --rebuild to redo)...`);
    const started = performance.now();
    await fillBenchArchive(bench.sql, ARTICLES);
    console.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const discussed = await fillBenchDiscussion(bench.sql);
  // A migration since the archive was built may have rewritten rows: measure what autovacuum would leave behind.
  await bench.sql`vacuum analyze`;
  await bench.sql.end();

  process.env.DATABASE_URL = url.toString();
  resetEnvForTests();
  const db = getDb();
  const ids = (await db.execute<{ id: number; slug: string; section_id: number }>(sql`
    select id, slug, section_id from articles where status = 'published' and published_at <= now()
    order by md5(id::text) limit ${RUNS + 10}`)).map((row) => ({ id: Number(row.id), slug: row.slug, sectionId: Number(row.section_id) }));
  const stories = await countPublic();
  const pick = (i: number) => ids[i % ids.length]!;
  console.log(`\n${stories.toLocaleString('en')} public articles; ${RUNS} runs each, uncached, one connection at a time\n`);

  await measure('related stories (scored query)', (i) => scoreRelatedCandidates(pick(i).id, [], stories));
  await measure('article page (getPublicArticle)', (i) => getPublicArticle(pick(i).slug));
  await measure('front page (getFrontPage)', () => getFrontPage());
  await measure('section page 1 (listSectionArticles)', (i) => listSectionArticles(pick(i).sectionId, 'x', 1));
  await measure('section page 5 (listSectionArticles)', (i) => listSectionArticles(pick(i).sectionId, 'x', 5));

  // Search: a word in nearly every story, two common words, a rarer word, phrases with an exclusion, a typo.
  const search = (q: string) => searchArticles({ q, page: 1, exact: false, section: undefined, author: undefined, from: undefined, to: undefined });
  await measure('search: very common word', () => search('council'));
  await measure('search: two common words', () => search('harbour strike'));
  await measure('search: rarer word', (i) => search(`term${100 + (i % 50) * 37}`));
  // Worst case: both phrase words are in three stories out of four, so ~10,000 stories need their positions checked.
  await measure('search: phrase of 2 very common words', () => search('"flood harbour" -strike'));
  // Typical: a phrase of two words that each appear in 1-3% of stories.
  await measure('search: phrase of 2 rarer words', (i) => search(`"term${100 + (i % 20)} term${300 + (i % 30)}" -term77`));
  // Misspellings: each word missing from the word list is corrected, then the corrected query is searched.
  await measure('search: typo, one word', () => search('councel'));
  await measure('search: typo, three words', () => search('harbor strikke councel'));
  await measure('search: typo, rare word', (i) => search(`trem${100 + (i % 50) * 37}`));
  await measure('search: no such word', () => search('zzqxvj'));
  await measure('search: filtered by section, page 3', () => searchArticles({ q: 'budget', page: 3, exact: false, section: 'section-3', author: undefined, from: '2023-01-01', to: undefined }));

  // A story with 2,000 comments: the first page of each sort, and a permalink deep in the thread.
  await measure('comments: thread page 1 (oldest)', () => getThread(discussed, { sort: 'oldest', page: 1 }));
  await measure('comments: thread page 1 (best)', () => getThread(discussed, { sort: 'best', page: 1 }));
  await measure('comments: thread page 40 (newest)', () => getThread(discussed, { sort: 'newest', page: 40 }));

  // The dashboard, as an editor (who sees every story): the desk list, its filters, the home page, the queue.
  const editor = { id: '00000000-0000-4000-8000-000000000000', name: 'Bench editor', role: 'editor' } as const;
  await measure('desk: all stories, page 1', () => listDeskArticles(editor));
  await measure('desk: published, page 50', () => listDeskArticles(editor, { state: 'published', page: 50 }));
  await measure('desk: section + headline text', (i) => listDeskArticles(editor, { sectionId: pick(i).sectionId, q: 'harbour' }));
  await measure('desk: overview (dashboard home)', () => getDeskOverview(editor));
  await measure('desk: review panels (dashboard home)', () => getDeskHome(editor));
  await measure('moderation: pending queue', () => listModerationQueue(editor, { tab: 'pending' }));
  await measure('moderation: reported queue', () => listModerationQueue(editor, { tab: 'reported' }));

  const plan = await db.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers, costs off) ${relatedCandidatesQuery(pick(0).id, [], stories)}`);
  console.log('\nEXPLAIN (ANALYZE, BUFFERS) of the related-stories query:\n');
  for (const row of plan) console.log(row['QUERY PLAN']);
  await closeDb();
});
