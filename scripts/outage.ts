/**
 * `npm run bench:outage`: what readers get while the embedded PostgreSQL dies and comes back (docs/adr/0009).
 *
 * Starts the site exactly as `npm start` does (tsx scripts/start.ts: embedded database, migrations, demo newspaper,
 * build, supervisor, server/main.ts) on a fresh DATA_DIR under the temp folder and a free port; waits for
 * /api/health; warms the front page, an article and a section; then loads, over loopback, the front page and the
 * article (cached), /search?q=council (always queries) and "cold" pages (a different page nobody has asked for
 * each time, so each one needs a render). After --kill-at seconds it kills the postmaster with SIGKILL (PID from
 * postmaster.pid) and keeps the load on until --duration. Then it prints, per second and target, the answers by
 * status and the slowest, the supervisor's restart as the site logged it, and PASS/FAIL for the three targets:
 *
 *   1. cached anonymous pages keep answering 200 throughout;
 *   2. a page that needs the database answers 503 with Retry-After within 1 s while it is down (no hang, no 500);
 *   3. everything answers 200 again within 2 s of the database being back.
 *
 * Exits 1 when a target fails. The site is stopped and the data directory removed however it ends.
 *
 * Options: --duration S (20), --kill-at S (4), --connections N per target (2), --rate N requests a second per
 * connection at most (25; cold pages 5), --timeout MS per request (5000), --down-for S (0: one kill; otherwise every
 * postmaster the supervisor starts within S seconds of the first kill is killed too, for a longer outage), --gzip (the load asks for gzip bodies;
 * by default it asks for plain ones, and checks once beforehand that gzip bodies decode), --dist-dir DIR (the build
 * to serve: .next when it matches the source, otherwise .next-outage, so a site running from .next is never rebuilt
 * under it), --site-log FILE (everything the site printed, timed from the kill).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { isDeepStrictEqual, parseArgs } from 'node:util';

import { isAlive } from '../db/embedded';
import { isBuildFresh, sourceFingerprint } from './lib/build';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    'kill-at': { type: 'string', default: '4' },
    connections: { type: 'string', default: '2' },
    rate: { type: 'string', default: '25' },
    timeout: { type: 'string', default: '5000' },
    'dist-dir': { type: 'string' },
    gzip: { type: 'boolean', default: false },
    'down-for': { type: 'string', default: '0' },
    'site-log': { type: 'string' },
  },
});
const DURATION_MS = Number(options.duration) * 1000;
const KILL_AT_MS = Number(options['kill-at']) * 1000;
const CONNECTIONS = Number(options.connections);
const RATE = Number(options.rate);
const TIMEOUT_MS = Number(options.timeout);
const DOWN_FOR_MS = Number(options['down-for']) * 1000;
if (!Number.isFinite(DOWN_FOR_MS) || DOWN_FOR_MS < 0) throw new Error('--down-for must be a number of seconds');
/** What the load asks for: plain bodies unless --gzip, so that the table is about the outage, not compression (checked separately). */
const ACCEPT_ENCODING = options.gzip ? 'gzip' : 'identity';
for (const [name, value] of Object.entries({ duration: DURATION_MS, 'kill-at': KILL_AT_MS, connections: CONNECTIONS, rate: RATE, timeout: TIMEOUT_MS })) {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
}
if (KILL_AT_MS >= DURATION_MS) throw new Error('--kill-at must come before the end of --duration');

/** The targets' limits. */
const STATUS_WITHIN_MS = 1000;
const RECOVERED_WITHIN_MS = 2000;
const CLUSTERS_ROOT = '/var/lib/newsroom/clusters';

type Kind = 'cached' | 'query';
type Target = { key: string; title: string; kind: Kind; next: () => string; connections: number; rate: number };
type Outcome = {
  target: string;
  url: string;
  start: number;
  end: number;
  /** HTTP status, or 0 for no answer within the timeout (or a broken connection). */
  status: number;
  /** The body is Next's error document (`<html id="__next_error__">`: "Something went wrong"), whatever the status. */
  errorPage: boolean;
  error?: string;
  retryAfter: string | null;
  cache: string | null;
};
type SiteLine = { at: number; text: string };

const clock = () => performance.now();
/** A reader got the page: 200, and not Next's error page. */
const isGood = (outcome: Outcome) => outcome.status === 200 && !outcome.errorPage;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number, digits = 2) => `${(ms / 1000).toFixed(digits)} s`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The site, its output and its clean-up

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-outage-'));
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const fingerprint = sourceFingerprint();
const distDir = options['dist-dir'] ?? (isBuildFresh('.next', fingerprint) ? '.next' : '.next-outage');
const tsconfigBefore = fs.readFileSync('tsconfig.json', 'utf8');

const siteLines: SiteLine[] = [];
/** Print the site's lines as they come (start-up), only its own [embedded-postgres]/[front] lines (load), or none. */
let echo: 'all' | 'events' | 'none' = 'all';
let killedAt: number | null = null;
const relative = (at: number) => (killedAt === null ? '' : `${at >= killedAt ? '+' : ''}${((at - killedAt) / 1000).toFixed(2)} s `);

const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), SITE_URL: origin, NEXT_DIST_DIR: distDir };
delete env.DATABASE_URL;
console.log(`bench:outage: site on ${origin}, DATA_DIR ${dataDir}, build ${distDir}`);
console.log('starting the site as `npm start` does (tsx scripts/start.ts)...');
// A process group of its own: our Ctrl-C is handled here, by stopping it in order.
const site: ChildProcess = spawn(path.join('node_modules', '.bin', 'tsx'), ['scripts/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let siteExit: string | null = null;
const siteExited = new Promise<void>((resolve) => {
  site.once('exit', (code, signal) => {
    siteExit = signal ? `killed by ${signal}` : `exit code ${code}`;
    resolve();
  });
  site.once('error', (error) => {
    siteExit = error.message;
    resolve();
  });
});
for (const stream of [site.stdout, site.stderr]) {
  readline.createInterface({ input: stream! }).on('line', (text) => {
    const line = { at: clock(), text };
    siteLines.push(line);
    if (echo === 'all' || (echo === 'events' && /^\[(embedded-postgres|front)\]/.test(text))) console.log(`  site | ${relative(line.at)}${text}`);
  });
}

function clusterDir(): string | null {
  try {
    return fs.realpathSync(path.join(dataDir, 'postgres'));
  } catch {
    return null;
  }
}

function postmasterPid(): number | null {
  const cluster = clusterDir();
  if (!cluster) return null;
  try {
    const pid = Number(fs.readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * `next build` into a folder of its own adds that folder's types to tsconfig.json's include: take those two entries
 * out again (when they were not there before), leaving anything anyone else changed meanwhile.
 */
function restoreTsconfig(): void {
  const ours = [`${distDir}/types/**/*.ts`, `${distDir}/dev/types/**/*.ts`];
  try {
    if (ours.some((entry) => (JSON.parse(tsconfigBefore) as { include?: string[] }).include?.includes(entry))) return;
    const text = fs.readFileSync('tsconfig.json', 'utf8');
    const lines = text.split('\n');
    const kept = lines.filter((line) => !ours.some((entry) => line.trim().replace(/,$/, '') === JSON.stringify(entry)));
    if (kept.length === lines.length) return;
    const result = kept.join('\n').replace(/,(\s*\n\s*\])/, '$1');
    const expected = JSON.parse(text) as { include?: string[] };
    expected.include = expected.include?.filter((entry) => !ours.includes(entry));
    if (isDeepStrictEqual(JSON.parse(result), expected)) fs.writeFileSync('tsconfig.json', result);
  } catch {
    // Not plain JSON: leave it.
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

let cleanedUp: Promise<void> | null = null;
/** Stops the site (and with it its database), then removes the data directory; safe to call more than once. */
function cleanUp(): Promise<void> {
  cleanedUp ??= (async () => {
    echo = 'none';
    const cluster = clusterDir();
    if (siteExit === null && site.pid) {
      site.kill('SIGTERM');
      const stopped = await Promise.race([siteExited.then(() => true), sleep(30_000).then(() => false)]);
      if (!stopped) {
        console.error('the site did not stop within 30 s: killing it');
        try {
          process.kill(-site.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    // Anything left in the site's process group (a server whose parent was killed) gets SIGTERM, then SIGKILL.
    if (site.pid && groupAlive(site.pid)) {
      process.kill(-site.pid, 'SIGTERM');
      for (let waited = 0; waited < 12_000 && groupAlive(site.pid); waited += 100) await sleep(100);
      if (groupAlive(site.pid)) process.kill(-site.pid, 'SIGKILL');
    }
    // npm start stops its database after the site; make sure nothing of ours is left running either way.
    const pid = postmasterPid();
    if (pid && isAlive(pid)) {
      console.error(`PostgreSQL (PID ${pid}) is still running: stopping it`);
      process.kill(pid, 'SIGINT');
      for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await sleep(100);
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    // As root, a cluster the postgres user could not keep under the temp folder lives under /var/lib/newsroom.
    if (cluster && cluster.startsWith(`${CLUSTERS_ROOT}/`)) fs.rmSync(cluster, { recursive: true, force: true });
    restoreTsconfig();
  })();
  return cleanedUp;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the site and cleaning up...`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

async function get(url: string, timeoutMs = TIMEOUT_MS, encoding = ACCEPT_ENCODING): Promise<{ status: number; headers: Headers; body: string }> {
  try {
    const response = await fetch(`${origin}${url}`, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'accept-encoding': encoding } });
    return { status: response.status, headers: response.headers, body: await response.text() };
  } catch (error) {
    throw new Error(`GET ${url} (Accept-Encoding: ${encoding}): ${describeError(error)}`);
  }
}

/** "timeout", or the cause's code or message (fetch says only "terminated" or "fetch failed"). */
function describeError(error: unknown): string {
  if ((error as Error).name === 'TimeoutError') return 'timeout';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const message = (error as Error).message;
  return cause ? `${message}: ${cause.code ?? ''}${cause.code && cause.message ? ' ' : ''}${cause.message ?? ''}` : message;
}

async function waitForHealth(): Promise<void> {
  const deadline = clock() + 30 * 60_000;
  while (clock() < deadline) {
    if (siteExit !== null) throw new Error(`the site stopped before it was ready (${siteExit})`);
    const reply = await get('/api/health', 2000).catch(() => null);
    if (reply?.status === 200) return;
    await sleep(500);
  }
  throw new Error('/api/health did not answer 200 within 30 minutes');
}

/** Public pages by kind, from the sitemap (paths only: the sitemap speaks in SITE_URL's address). */
async function discoverPages(): Promise<{ sections: string[]; articles: string[]; others: string[] }> {
  const sitemap = await get('/sitemap.xml');
  if (sitemap.status !== 200) throw new Error(`/sitemap.xml answered ${sitemap.status}`);
  const paths = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const sections: string[] = [];
  const articles: string[] = [];
  const others: string[] = [];
  for (const page of paths) {
    const parts = page.split('/').filter(Boolean);
    if (parts.length === 1) sections.push(page);
    else if (parts.length === 2 && parts[0] !== 'tag' && parts[0] !== 'author') articles.push(page);
    else if (parts.length > 0) others.push(page);
  }
  if (articles.length < 2 || sections.length < 1) throw new Error(`the sitemap lists too few pages (${paths.length})`);
  return { sections, articles, others };
}

async function load(targets: Target[], outcomes: Outcome[], until: number): Promise<void> {
  const one = async (target: Target) => {
    const url = target.next();
    const start = clock();
    const outcome: Outcome = { target: target.key, url, start, end: start, status: 0, errorPage: false, retryAfter: null, cache: null };
    try {
      const response = await fetch(`${origin}${url}`, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { 'accept-encoding': ACCEPT_ENCODING } });
      outcome.errorPage = ERROR_DOCUMENT.test(await response.text());
      outcome.status = response.status;
      outcome.retryAfter = response.headers.get('retry-after');
      outcome.cache = response.headers.get('x-cache');
    } catch (error) {
      outcome.error = describeError(error);
    }
    outcome.end = clock();
    outcomes.push(outcome);
    if (target.key === 'cold') coldAnswered(url, isGood(outcome));
  };
  const connection = async (target: Target) => {
    const interval = 1000 / target.rate;
    while (clock() < until && !interrupted) {
      const started = clock();
      await one(target);
      const rest = interval - (clock() - started);
      if (rest > 0) await sleep(rest);
    }
  };
  await Promise.all(targets.flatMap((target) => Array.from({ length: target.connections }, () => connection(target))));
}

/** Next's error document: a page whose render threw, shown as "Something went wrong" by app/error.tsx. */
const ERROR_DOCUMENT = /<html[^>]* id="__next_error__"/;

// Cold pages: each one is asked for until it has been answered 200 once (a 503 leaves it cold for later).
let coldQueue: string[] = [];
const coldTaken = new Set<string>();
let coldReused = 0;
function nextCold(): string {
  const url = coldQueue.shift();
  if (url) {
    coldTaken.add(url);
    return url;
  }
  // Every page has been rendered once: go round again (now from the cache), and say so in the report.
  coldReused += 1;
  return [...coldTaken][coldReused % Math.max(1, coldTaken.size)] ?? '/';
}
function coldAnswered(url: string, good: boolean) {
  if (!good && coldTaken.has(url)) {
    coldTaken.delete(url);
    coldQueue.push(url);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const STATUS_COLUMNS = ['200', 'e200', '503', '500', 'oth', 't/o'] as const;
function column(outcome: Outcome): (typeof STATUS_COLUMNS)[number] {
  if (outcome.status === 0) return 't/o';
  if (outcome.status === 200 && outcome.errorPage) return 'e200';
  if (outcome.status === 200 || outcome.status === 503 || outcome.status === 500) return String(outcome.status) as '200' | '503' | '500';
  return 'oth';
}

function table(targets: Target[], outcomes: Outcome[], loadStart: number, events: { at: number; label: string }[]): string {
  const seconds = Math.ceil(DURATION_MS / 1000);
  const block = (text: string) => text.padEnd(STATUS_COLUMNS.length * 5 + 7);
  const lines = [
    `${'s'.padStart(3)} | ${targets.map((target) => block(target.title)).join(' | ')} | events`,
    `${''.padStart(3)} | ${targets.map(() => block(`${STATUS_COLUMNS.map((name) => name.padStart(4)).join(' ')}  max ms`)).join(' | ')} |`,
  ];
  lines.push('-'.repeat(lines[1]!.length + 20));
  for (let second = 0; second < seconds; second += 1) {
    const from = loadStart + second * 1000;
    const to = from + 1000;
    const cells = targets.map((target) => {
      const here = outcomes.filter((outcome) => outcome.target === target.key && outcome.start >= from && outcome.start < to);
      const counts = STATUS_COLUMNS.map((name) => here.filter((outcome) => column(outcome) === name).length);
      const max = here.reduce((slowest, outcome) => Math.max(slowest, outcome.end - outcome.start), 0);
      return block(`${counts.map((count) => (count ? String(count) : '.').padStart(4)).join(' ')}  ${here.length ? String(Math.round(max)).padStart(6) : '     -'}`);
    });
    const happened = events.filter((event) => event.at >= from && event.at < to).map((event) => event.label);
    lines.push(`${String(second).padStart(3)} | ${cells.join(' | ')} | ${happened.join('; ')}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The run

let failed = false;
try {
  await waitForHealth();
  echo = 'events';
  console.log('the site is up; warming the front page, an article and a section...');

  const pages = await discoverPages();
  const article = pages.articles[0]!;
  const section = pages.sections.includes('/news') ? '/news' : pages.sections[0]!;
  const warm = ['/', article, section];
  for (const page of warm) {
    for (let round = 0; round < 2; round += 1) {
      const reply = await get(page);
      if (reply.status !== 200 || ERROR_DOCUMENT.test(reply.body)) throw new Error(`warming ${page}: ${reply.status}${ERROR_DOCUMENT.test(reply.body) ? ' (error page)' : ''}`);
      if (round === 1 && reply.headers.get('x-cache') !== 'HIT') console.warn(`warning: ${page} is not served from the page cache (X-Cache: ${reply.headers.get('x-cache')})`);
    }
  }
  // The search route has run once (its code loaded) but is never cached: every request queries.
  const search = '/search?q=council';
  const searched = await get(search);
  if (searched.status !== 200 || ERROR_DOCUMENT.test(searched.body)) throw new Error(`${search}: ${searched.status}${ERROR_DOCUMENT.test(searched.body) ? ' (error page)' : ''}`);
  // Browsers ask for gzip: every page of the run, compressed, must decode (the load itself asks for --gzip's choice).
  const gzipProblems: string[] = [];
  for (const page of [...warm, search]) {
    const reply = await get(page, TIMEOUT_MS, 'gzip').catch((error: unknown) => error as Error);
    if (reply instanceof Error) gzipProblems.push(reply.message);
    else if (reply.status !== 200) gzipProblems.push(`GET ${page} (Accept-Encoding: gzip): ${reply.status}`);
  }
  for (const problem of gzipProblems) console.warn(`compression check FAILED: ${problem}`);
  if (!gzipProblems.length) console.log('compression check: the warmed pages and the search decode with Accept-Encoding: gzip');
  coldQueue = [...pages.articles.slice(1), ...pages.sections.filter((page) => page !== section), ...pages.others].filter((page) => !warm.includes(page));

  const targets: Target[] = [
    { key: 'front', title: 'front page /', kind: 'cached', next: () => '/', connections: CONNECTIONS, rate: RATE },
    { key: 'article', title: 'article', kind: 'cached', next: () => article, connections: CONNECTIONS, rate: RATE },
    { key: 'search', title: `search ${search}`, kind: 'query', next: () => search, connections: CONNECTIONS, rate: RATE },
    { key: 'cold', title: 'cold pages (render)', kind: 'query', next: nextCold, connections: CONNECTIONS, rate: Math.min(RATE, 5) },
  ];
  console.log(`article ${article}; ${coldQueue.length} cold pages (articles, sections, tags, authors) never asked for`);
  console.log(
    `load: ${targets.map((target) => `${target.key} ${target.connections}×≤${target.rate}/s`).join(', ')}; ` +
      `kill -9 of the postmaster at ${seconds(KILL_AT_MS, 0)}, ${seconds(DURATION_MS, 0)} in all, ${TIMEOUT_MS} ms client timeout, Accept-Encoding: ${ACCEPT_ENCODING}`,
  );

  const outcomes: Outcome[] = [];
  const loadStart = clock();
  const loading = load(targets, outcomes, loadStart + DURATION_MS);
  await sleep(KILL_AT_MS);
  const pid = postmasterPid();
  if (!pid) throw new Error('no postmaster.pid: cannot find the database server to kill');
  const killTime = clock();
  killedAt = killTime;
  process.kill(pid, 'SIGKILL');
  console.log(`  kill | +0.00 s kill -9 ${pid} (the postmaster)`);
  const killed = new Set([pid]);
  // --down-for: a longer outage, made of the supervisor's restarts killed as they come up.
  while (clock() - killTime < DOWN_FOR_MS) {
    await sleep(20);
    const again = postmasterPid();
    if (again && !killed.has(again) && isAlive(again)) {
      killed.add(again);
      process.kill(again, 'SIGKILL');
      console.log(`  kill | ${relative(clock())}kill -9 ${again} (restarted postmaster, --down-for ${DOWN_FOR_MS / 1000})`);
    }
  }
  await loading;
  echo = 'none';

  // Pages that got a bad answer, asked again once the load is over: a page cache that kept the error page says HIT.
  const badOnce = [...new Set(outcomes.filter((outcome) => !isGood(outcome) && outcome.status !== 503 && outcome.status !== 0).map((outcome) => outcome.url))];
  const recheck: { url: string; status: number; errorPage: boolean; cache: string | null; at: number }[] = [];
  for (const url of badOnce.slice(0, 20)) {
    const reply = await get(url).catch(() => null);
    if (reply) recheck.push({ url, status: reply.status, errorPage: ERROR_DOCUMENT.test(reply.body), cache: reply.headers.get('x-cache'), at: clock() });
  }

  // What the site said, timed on our clock.
  const after = (pattern: RegExp) => siteLines.find((line) => line.at >= killTime && pattern.test(line.text)) ?? null;
  const noticed = after(/^\[embedded-postgres\] the database server stopped unexpectedly/);
  // The restart that stuck: the last one (--down-for kills the earlier ones).
  const restarted = siteLines.findLast((line) => line.at >= killTime && /^\[embedded-postgres\] restarted in/.test(line.text)) ?? null;
  const watchDown = after(/^\[front\] the database is not answering/);
  const watchUp = siteLines.findLast((line) => line.at >= killTime && /^\[front\] the database is back/.test(line.text)) ?? null;
  const backAt = restarted?.at ?? null;

  const events = [
    { at: killTime, label: killed.size > 1 ? `kill -9 (then ${killed.size - 1} more until +${seconds(DOWN_FOR_MS, 0)})` : 'kill -9' },
    ...(noticed ? [{ at: noticed.at, label: 'supervisor noticed' }] : []),
    ...(watchDown ? [{ at: watchDown.at, label: 'site: db down' }] : []),
    ...(restarted ? [{ at: restarted.at, label: 'db restarted' }] : []),
    ...(watchUp ? [{ at: watchUp.at, label: 'site: db back' }] : []),
  ];
  console.log(
    '\nanswers per second of load, by status (e200: 200 with Next\'s error page, "Something went wrong"; t/o: no answer within the timeout, ' +
      'or a broken connection); max: slowest in that second, ms',
  );
  console.log(table(targets, outcomes, loadStart, events));

  const sinceKill = (at: number) => `+${seconds(at - killTime)}`;
  console.log('\nsummary');
  console.log(`  postmaster killed at ${seconds(killTime - loadStart)} into the load`);
  console.log(`  supervisor noticed:   ${noticed ? `${sinceKill(noticed.at)} after the kill` : 'never (no "[embedded-postgres] ... stopped unexpectedly" line)'}`);
  console.log(`  database restarted:   ${restarted ? `${sinceKill(restarted.at)} after the kill ("${restarted.text}")` : 'never, within the run'}`);
  console.log(`  site saw it down:     ${watchDown ? sinceKill(watchDown.at) : 'never (its watch did not catch the outage)'}; back: ${watchUp ? sinceKill(watchUp.at) : 'never'}`);

  const slow = outcomes.filter((outcome) => outcome.end - outcome.start > STATUS_WITHIN_MS);
  const errors500 = outcomes.filter((outcome) => outcome.status === 500);
  const errorPages200 = outcomes.filter((outcome) => outcome.status === 200 && outcome.errorPage);
  const noAnswer = outcomes.filter((outcome) => outcome.status === 0);
  for (const target of targets) {
    const mine = outcomes.filter((outcome) => outcome.target === target.key);
    const byStatus = new Map<string, number>();
    for (const outcome of mine) {
      const key = outcome.status ? `${outcome.status}${outcome.errorPage ? ' error page' : ''}${outcome.cache ? ` ${outcome.cache}` : ''}` : (outcome.error ?? 'no answer');
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    }
    const firstOk = backAt === null ? null : mine.filter((outcome) => isGood(outcome) && outcome.end >= backAt).sort((a, b) => a.end - b.end)[0];
    const lastBad = mine.filter((outcome) => !isGood(outcome)).sort((a, b) => b.end - a.end)[0];
    const max = mine.reduce((slowest, outcome) => Math.max(slowest, outcome.end - outcome.start), 0);
    console.log(
      `  ${target.key.padEnd(8)} ${mine.length} requests: ${[...byStatus].map(([key, count]) => `${count}× ${key}`).join(', ')}; slowest ${Math.round(max)} ms` +
        (lastBad ? `; last bad answer at ${sinceKill(lastBad.end)}` : '') +
        (firstOk && backAt !== null ? `; first 200 after the restart at +${seconds(firstOk.end - backAt)} after it` : ''),
    );
  }
  const badAfterBack = backAt === null ? [] : outcomes.filter((outcome) => !isGood(outcome) && outcome.end >= backAt).sort((a, b) => a.end - b.end);
  for (const outcome of badAfterBack.slice(0, 10)) {
    console.log(
      `  bad answer after the restart: ${sinceKill(outcome.end)} ${outcome.target} ${outcome.url}: ${column(outcome)}` +
        `${outcome.cache ? ` (X-Cache: ${outcome.cache})` : ''}, started ${sinceKill(outcome.start)}`,
    );
  }
  for (const again of recheck) {
    console.log(
      `  asked again at ${sinceKill(again.at)}: ${again.url}: ${again.status}${again.errorPage ? ' with the error page' : ''}${again.cache ? ` (X-Cache: ${again.cache})` : ''}`,
    );
  }
  if (coldReused) console.log(`  (the cold pages ran out: ${coldReused} requests went to pages already rendered)`);
  console.log(`  any 500: ${errors500.length ? `yes, ${errors500.length} (${[...new Set(errors500.map((outcome) => outcome.target))].join(', ')})` : 'no'}`);
  console.log(`  any 200 carrying the error page: ${errorPages200.length ? `yes, ${errorPages200.length} (${[...new Set(errorPages200.map((outcome) => outcome.target))].join(', ')})` : 'no'}`);
  console.log(`  any request slower than 1 s: ${slow.length ? `yes, ${slow.length} (${[...new Set(slow.map((outcome) => outcome.target))].join(', ')})` : 'no'}`);
  console.log(`  no answer within ${TIMEOUT_MS} ms or broken connection: ${noAnswer.length || 'none'}`);

  // The targets.
  const verdicts: [string, boolean, string][] = [];
  const cached = outcomes.filter((outcome) => targets.find((target) => target.key === outcome.target)!.kind === 'cached');
  const cachedBad = cached.filter((outcome) => !isGood(outcome));
  verdicts.push([
    'cached anonymous pages keep answering 200 throughout',
    cachedBad.length === 0 && cached.length > 0,
    cachedBad.length ? `${cachedBad.length} of ${cached.length} were not 200 (${[...new Set(cachedBad.map(column))].join(', ')})` : `${cached.length} of ${cached.length} were 200`,
  ]);

  const query = outcomes.filter((outcome) => targets.find((target) => target.key === outcome.target)!.kind === 'query');
  const outageEnd = backAt ?? Infinity;
  // Made, or still waiting for an answer, while the database was down.
  const duringOutage = query.filter((outcome) => outcome.end >= killTime && outcome.start < outageEnd);
  const wrong = query.filter((outcome) => !isGood(outcome) && outcome.status !== 503);
  const no503Header = query.filter((outcome) => outcome.status === 503 && !outcome.retryAfter);
  const slow503 = query.filter((outcome) => outcome.status === 503 && outcome.end - outcome.start > STATUS_WITHIN_MS);
  const slowInOutage = duringOutage.filter((outcome) => outcome.end - outcome.start > STATUS_WITHIN_MS);
  const answered503 = query.filter((outcome) => outcome.status === 503).length;
  const problems = [
    wrong.length ? `${wrong.length} answered neither the page nor 503 (${[...new Set(wrong.map(column))].map((name) => `${wrong.filter((outcome) => column(outcome) === name).length}× ${name}`).join(', ')})` : '',
    no503Header.length ? `${no503Header.length} 503s without Retry-After` : '',
    slow503.length ? `${slow503.length} 503s took over 1 s` : '',
    slowInOutage.length ? `${slowInOutage.length} requests made while the database was down took over 1 s` : '',
  ].filter(Boolean);
  verdicts.push([
    'pages that need the database answer 503 + Retry-After within 1 s while it is down (no hang, no 500)',
    problems.length === 0,
    problems.length ? problems.join('; ') : `${answered503} 503s, all with Retry-After and within 1 s; ${duringOutage.length} requests during the outage`,
  ]);

  const recoveryProblems: string[] = [];
  if (backAt === null) recoveryProblems.push('the database did not come back within the run');
  else {
    for (const target of targets) {
      const mine = outcomes.filter((outcome) => outcome.target === target.key);
      const lateBad = mine.filter((outcome) => !isGood(outcome) && outcome.start >= backAt + RECOVERED_WITHIN_MS);
      if (lateBad.length) recoveryProblems.push(`${target.key}: ${lateBad.length} bad answers more than 2 s after the restart`);
      const hadTrouble = mine.some((outcome) => !isGood(outcome) && outcome.end >= killTime);
      const firstOk = mine.filter((outcome) => isGood(outcome) && outcome.end >= backAt).sort((a, b) => a.end - b.end)[0];
      if (hadTrouble && (!firstOk || firstOk.end - backAt > RECOVERED_WITHIN_MS)) {
        recoveryProblems.push(`${target.key}: first 200 ${firstOk ? `only ${seconds(firstOk.end - backAt)}` : 'never'} after the restart`);
      }
    }
  }
  const stillBad = recheck.filter((again) => again.status !== 200 || again.errorPage);
  if (stillBad.length) {
    recoveryProblems.push(
      `${stillBad.length} of ${recheck.length} pages that got an error still get one after the load (${stillBad.map((again) => `${again.url}: ${again.status}${again.errorPage ? ' error page' : ''} ${again.cache ?? ''}`.trim()).join('; ')})`,
    );
  }
  verdicts.push([
    'everything answers 200 again within 2 s of the database being back',
    recoveryProblems.length === 0,
    recoveryProblems.length ? recoveryProblems.join('; ') : `all targets 200 within 2 s of the restart`,
  ]);

  if (gzipProblems.length) {
    verdicts.push(['(before the load) pages answered with Accept-Encoding: gzip decode', false, gzipProblems.join('; ')]);
  }

  console.log('\ntargets');
  for (const [name, ok, detail] of verdicts) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
  failed = verdicts.some(([, ok]) => !ok);

  // What else the site said during the load: its messages (not the stack traces and objects under them), timed.
  const other = siteLines.filter((line) => line.at >= loadStart && !/^\[(embedded-postgres|front)\] (the database|restarted|not started)/.test(line.text));
  const messages = other.filter((line) => /^\S/.test(line.text) && !/^[}\])]/.test(line.text));
  if (other.length) {
    // The first ones, and every one from the restart on (what went wrong once the database was back).
    const shown = messages.filter((line, index) => !/^params:/.test(line.text) && (index < 20 || (backAt !== null && line.at >= backAt))).slice(0, 60);
    console.log(`\nthe site's other output during the load: ${other.length} lines; ${shown.length} of its ${messages.length} messages (the first ones, and those after the restart), in seconds from the kill:`);
    for (const line of shown) {
      // With the cause PostgreSQL or the driver gave, from the lines under the message.
      const from = other.indexOf(line);
      const next = other.findIndex((candidate, index) => index > from && messages.includes(candidate));
      const cause = other.slice(from + 1, next < 0 ? undefined : next).find((candidate) => /\[cause\]|PostgresError|errno|code: '/.test(candidate.text));
      console.log(`  ${relative(line.at).padStart(9)}${line.text.slice(0, 160)}${cause ? `  <- ${cause.text.trim().slice(0, 120)}` : ''}`);
    }
  }
} catch (error) {
  failed = true;
  console.error(`bench:outage: ${error instanceof Error ? error.message : error}`);
  if (siteLines.length) console.error(`last lines of the site:\n${siteLines.slice(-20).map((line) => `  ${line.text}`).join('\n')}`);
} finally {
  if (options['site-log']) {
    const zero = killedAt ?? siteLines[0]?.at ?? 0;
    fs.writeFileSync(options['site-log'], siteLines.map((line) => `${((line.at - zero) / 1000).toFixed(3).padStart(9)} ${line.text}\n`).join(''));
    console.log(`the site's output: ${options['site-log']}`);
  }
  console.log('\nstopping the site and removing its data directory...');
  await cleanUp();
}
process.exit(failed ? 1 : 0);
