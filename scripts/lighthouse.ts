/**
 * `npm run lighthouse`: Lighthouse (mobile: its default config, a Moto G Power with simulated slow 4G and a 4× slower
 * CPU) against the production site (server/main.ts, the page cache in front of Next) on a fresh database with the demo
 * newspaper, for the front page and the front page's first story, and a page of text alone (/privacy) as a reference:
 * what the site costs before a page adds anything (docs/adr/0031, 0032). Each page is measured LIGHTHOUSE_RUNS times (default 3),
 * interleaved; prints the four category scores, LCP, CLS, TBT, FCP and the bytes "properly size images" says could be
 * saved, per run and as medians (a Markdown table), with each run's main-thread breakdown (the costliest scripts: what
 * TBT is made of), its requests (and how many were route prefetches) and the machine's benchmark index, and exits 1
 * when a median of the front page or the article misses the issue's target (every category 100). Chromium:
 * CHROME_PATH or /usr/bin/chromium. Port: LIGHTHOUSE_PORT (default 3540, or the next free one); build folder:
 * NEXT_DIST_DIR (default .next).
 *
 * `--without-variants` empties every picture's variants before the first request, so pages offer the originals alone
 * (src, no srcset): the same site as before docs/adr/0029 as far as picture bytes go, for a comparison in one run.
 */
import os from 'node:os';
import path from 'node:path';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import postgres from 'postgres';

import { parseContentRoute } from '../lib/public-routes';
import { Cleanup } from './lib/cleanup';
import { request } from './lib/http';
import { freePort, startSiteOnFreshDatabase } from './lib/site';

const RUNS = Math.max(1, Math.round(Number(process.env.LIGHTHOUSE_RUNS ?? 3)));
const WITHOUT_VARIANTS = process.argv.includes('--without-variants');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

type Run = { scores: Record<(typeof CATEGORIES)[number], number>; lcp: number; cls: number; tbt: number; fcp: number; oversizedBytes: number; lcpElement: string; mainThread: string; requests: string };
type Page = { label: string; path: string; runs: Run[]; /** false: measured beside the others for comparison, not held to the target. */ target: boolean };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function firstArticle(origin: string): Promise<string> {
  const reply = await request(`${origin}/`);
  if (reply.status !== 200) throw new Error(`GET / answered ${reply.status}`);
  const links = [...reply.body.toString('utf8').matchAll(/href="(\/[^"#?]*)/g)].map((match) => match[1]!);
  const article = links.find((link) => {
    const route = parseContentRoute(link);
    return route && typeof route === 'object' && route.kind === 'article';
  });
  if (!article) throw new Error('the front page links to no article');
  return article;
}

async function measure(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (category: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
  const numeric = (audit: string) => lhr.audits[audit]?.numericValue ?? NaN;
  const oversized = lhr.audits['uses-responsive-images']?.details as { overallSavingsBytes?: number } | undefined;
  const lcpItems = (lhr.audits['largest-contentful-paint-element']?.details as { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined)?.items;
  return {
    scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
    lcp: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    tbt: numeric('total-blocking-time'),
    fcp: numeric('first-contentful-paint'),
    oversizedBytes: oversized?.overallSavingsBytes ?? 0,
    lcpElement: lcpItems?.[0]?.items?.[0]?.node?.snippet?.slice(0, 90) ?? '?',
    mainThread: `${mainThreadSummary(lhr.audits)}; this machine's benchmark index ${Math.round(lhr.environment.benchmarkIndex)}`,
    requests: requestSummary(lhr.audits),
  };
}

type Audits = Awaited<ReturnType<typeof lighthouse>> extends infer R ? (R extends { lhr: { audits: infer A } } ? A : never) : never;

/** Where the main thread's (simulated, 4× slower) time went, and the scripts that took most of it: what TBT is made of. */
function mainThreadSummary(audits: Audits): string {
  const groups = (audits['mainthread-work-breakdown']?.details as { items?: { groupLabel?: string; duration?: number }[] } | undefined)?.items ?? [];
  const scripts = (audits['bootup-time']?.details as { items?: { url?: string; scripting?: number }[] } | undefined)?.items ?? [];
  const top = (list: string[]) => list.slice(0, 3).join(', ');
  return `main thread: ${top(groups.map((g) => `${g.groupLabel} ${Math.round(g.duration ?? 0)} ms`))}; scripts: ${top(scripts.map((item) => `${(item.url ?? '?').replace(/^https?:\/\/[^/]+/, '')} ${Math.round(item.scripting ?? 0)} ms`))}`;
}

/** How many requests the page made while it loaded, and how many were route prefetches (`?_rsc=`). */
function requestSummary(audits: Audits): string {
  const requests = (audits['network-requests']?.details as { items?: { url?: string }[] } | undefined)?.items ?? [];
  return `${requests.length} requests, ${requests.filter((item) => item.url?.includes('_rsc=')).length} of them prefetches`;
}

function describe(run: Run): string {
  return `perf ${run.scores.performance} a11y ${run.scores.accessibility} bp ${run.scores['best-practices']} seo ${run.scores.seo}  LCP ${(run.lcp / 1000).toFixed(2)} s  CLS ${run.cls.toFixed(3)}  TBT ${run.tbt.toFixed(0)} ms  oversized ${(run.oversizedBytes / 1024).toFixed(1)} KiB`;
}

function report(pages: Page[]): boolean {
  console.log(`\nLighthouse ${WITHOUT_VARIANTS ? '(--without-variants) ' : ''}mobile, median of ${RUNS} run(s):\n`);
  console.log('| page | performance | accessibility | best practices | SEO | LCP | CLS | TBT | FCP | properly size images |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  let met = true;
  for (const page of pages) {
    const m = (pick: (run: Run) => number) => median(page.runs.map(pick));
    const scores = CATEGORIES.map((category) => m((run) => run.scores[category]));
    if (page.target && scores.some((score) => score < 100)) met = false;
    console.log(
      `| ${page.label}${page.target ? '' : ' (reference)'} (${page.path}) | ${scores.join(' | ')} | ${(m((run) => run.lcp) / 1000).toFixed(2)} s | ${m((run) => run.cls).toFixed(3)} | ${m((run) => run.tbt).toFixed(0)} ms | ${(m((run) => run.fcp) / 1000).toFixed(2)} s | ${(m((run) => run.oversizedBytes) / 1024).toFixed(1)} KiB |`,
    );
  }
  console.log(met ? '\nTarget met: every category 100 (median) on the front page and the article.' : '\nTarget missed: a category below 100 (median) on the front page or the article.');
  return met;
}

const cleanup = new Cleanup({ deadlineMs: (20 * 60 + RUNS * 3 * 90) * 1000 });
let passed = false;
try {
  const port = await freePort(Number(process.env.LIGHTHOUSE_PORT ?? 3540));
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const logFile = path.join(os.tmpdir(), `newsroom-lighthouse-${port}.log`);
  const { origin, databaseUrl } = await startSiteOnFreshDatabase(cleanup, { databasePrefix: 'newsroom_lighthouse_', port, distDir, logFile });
  if (WITHOUT_VARIANTS) {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const emptied = await sql`update images set variants = '[]'::jsonb where variants <> '[]'::jsonb`;
    await sql.end();
    console.log(`--without-variants: emptied the variants of ${emptied.count} pictures`);
  }
  const pages: Page[] = [
    { label: 'front page', path: '/', runs: [], target: true },
    { label: 'article', path: await firstArticle(origin), runs: [], target: true },
    // A page of text alone: what the framework costs a page before the page adds anything (docs/adr/0031).
    { label: 'text page', path: '/privacy', runs: [], target: false },
  ];
  // Warm: the page cache answers Lighthouse as it answers readers; every picture has been read once from disk.
  for (const page of pages) for (let i = 0; i < 2; i += 1) await request(`${origin}${page.path}`);

  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  cleanup.add('stop Chromium', () => chrome.kill());
  for (let run = 1; run <= RUNS; run += 1) {
    for (const page of pages) {
      const result = await measure(`${origin}${page.path}`, chrome.port);
      page.runs.push(result);
      console.log(`  run ${run}: ${page.label.padEnd(10)} ${describe(result)}  LCP element: ${result.lcpElement}`);
      console.log(`         ${result.mainThread}; ${result.requests}`);
    }
  }
  passed = report(pages);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await cleanup.run();
}
process.exit(passed ? 0 : 1);
