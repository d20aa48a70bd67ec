/**
 * `npm run bench:http`: the production site (server/main.ts, the page cache in front of Next) on a fresh database with
 * the demo newspaper, measured over HTTP on 127.0.0.1 with autocannon: one of the build's own static files of about
 * the article's size (the ceiling: Next sending a file), an article, the front page and a section page as an
 * anonymous reader (page-cache hits), and the article signed in (rendered by Next per request). Every target runs
 * BENCH_SECONDS (default 8) with 32 connections, the whole set BENCH_ROUNDS times (default 3) interleaved; prints the
 * medians as a Markdown table and checks the issue's targets (anonymous article and front page at >= 30 % of the
 * static-file ceiling, p99 <= 100 ms), exiting 1 if one fails. Bodies are uncompressed (autocannon sends no
 * Accept-Encoding); one extra row asks for gzip. Port: BENCH_PORT (default 3200, or the next free one); build folder:
 * NEXT_DIST_DIR (default .next). The server's log is kept in the temporary directory.
 *
 * With `--nginx`: two instances sharing a Redis, behind nginx running deploy/nginx/newsroom.conf (docs/deploy.md).
 * The ceilings are then nginx itself sending files of the article's and the front page's size from disk, and those
 * pages (nginx's micro-cache, X-Proxy-Cache: HIT) must reach 50 % of their ceiling.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { DEMO_ACCOUNTS } from '../db/seed/accounts';
import { parseContentRoute } from '../lib/public-routes';
import { Cleanup } from './lib/cleanup';
import { request, signInWithCredentials, type Reply } from './lib/http';
import { load, type LoadResult } from './lib/load';
import { freePort, startClusterOnFreshDatabase, startSiteOnFreshDatabase } from './lib/site';

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const SECONDS = positive('BENCH_SECONDS', 8);
const ROUNDS = Math.round(positive('BENCH_ROUNDS', 3));
const CONNECTIONS = 32;
const NGINX = process.argv.includes('--nginx');
const WARM_SECONDS = 2;
/** The issue's targets for anonymous pages. */
const MIN_SHARE_OF_CEILING = NGINX ? 0.5 : 0.3;
/** The header that says whether the cache answered: the page cache's, or nginx's in front of it. */
const CACHE_HEADER = NGINX ? 'x-proxy-cache' : 'x-cache';
const MAX_P99_MS = 100;

type Target = {
  label: string;
  origin: string;
  path: string;
  headers: Record<string, string>;
  /** The cache header every answer should carry (CACHE_HEADER), or null for none (not a cache's answer). */
  cache: 'HIT' | 'BYPASS' | null;
  bytes: number;
  checked?: boolean;
  /** The static file this target is compared with, when not the first target. */
  comparedWith?: Target;
  runs: LoadResult[];
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** 503s answered before the measurement (the server's database watch thought PostgreSQL was down): retried, and reported. */
const unavailable: string[] = [];

async function get(origin: string, target: string, headers: Record<string, string> = {}): Promise<Reply> {
  for (let attempt = 1; ; attempt += 1) {
    const reply = await request(`${origin}${target}`, { headers });
    if (reply.status === 503 && attempt < 10) {
      unavailable.push(target);
      console.log(`  GET ${target} answered 503 (Retry-After ${reply.headers['retry-after'] ?? '-'}): trying again in a second`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    if (reply.status !== 200) throw new Error(`GET ${target} answered ${reply.status}, not 200`);
    return reply;
  }
}

/**
 * The front page, its first section and first article, the article signed in, and the ceiling: the build's static
 * file nearest the article's size, or (through nginx) files of exactly the article's and the front page's size that
 * nginx sends from `staticRoot`.
 */
async function pickTargets(origin: string, nginxStatic: { origin: string; root: string } | null): Promise<Target[]> {
  const frontHtml = (await get(origin, '/')).body;
  const links = [...frontHtml.toString('utf8').matchAll(/href="(\/[^"#?]*)/g)].map((match) => match[1]!);
  const kind = (link: string) => {
    const route = parseContentRoute(link);
    return route && typeof route === 'object' ? route.kind : null;
  };
  const section = links.find((link) => kind(link) === 'section');
  const article = links.find((link) => kind(link) === 'article');
  if (!section || !article) throw new Error('the front page links to no section or no article');

  const articleHtml = (await get(origin, article)).body;
  const reader = DEMO_ACCOUNTS.find((account) => account.role === 'reader')!;
  const cookie = await signInWithCredentials(origin, reader.email, reader.password);
  let ceiling: Target;
  let frontCeiling: Target | null = null;
  if (nginxStatic) {
    // nginx's own rate for the same bytes from disk: one file of the article's size, one of the front page's.
    const staticCopy = (name: string, bytes: Buffer, label: string) => {
      const file = path.join(nginxStatic.root, name);
      fs.writeFileSync(file, bytes);
      fs.chmodSync(file, 0o644);
      return target(label, nginxStatic.origin, `/${name}`, null);
    };
    console.log(`article HTML: ${articleHtml.length} bytes, front page ${frontHtml.length}; nginx's ceilings: the same bytes from disk`);
    ceiling = staticCopy('article-sized.html', articleHtml, 'nginx static file');
    frontCeiling = staticCopy('front-page-sized.html', frontHtml, "nginx static file, front page's size");
    frontCeiling.comparedWith = frontCeiling;
  } else {
    // The anonymous page names only its style sheets (docs/adr/0032); the page React renders for a signed-in reader
    // names every script file too, so the nearest size is chosen among all of them.
    const signedIn = (await get(origin, article, { Cookie: cookie })).body;
    const files = [...new Set(`${articleHtml.toString('utf8')}${signedIn.toString('utf8')}`.match(/\/_next\/static\/[\w.~/-]+/g) ?? [])];
    const sized = await Promise.all(files.map(async (file) => ({ file, bytes: (await get(origin, file)).body.length })));
    const nearest = sized.sort((a, b) => Math.abs(a.bytes - articleHtml.length) - Math.abs(b.bytes - articleHtml.length))[0];
    if (!nearest) throw new Error(`the article ${article} references no /_next/static/ file`);
    console.log(`article HTML: ${articleHtml.length} bytes; nearest of its ${files.length} static files: ${nearest.file}, ${nearest.bytes} bytes`);
    ceiling = target('static file', origin, nearest.file, null);
  }

  const front = target('front page', origin, '/', 'HIT', {}, true);
  if (frontCeiling) front.comparedWith = frontCeiling;
  const targets = [
    ceiling,
    ...(frontCeiling ? [frontCeiling] : []),
    target('article', origin, article, 'HIT', {}, true),
    front,
    target('section', origin, section, 'HIT'),
    target('article, signed in', origin, article, NGINX ? 'BYPASS' : null, { Cookie: cookie }),
    target('article, gzip (info)', origin, article, 'HIT', { 'Accept-Encoding': 'gzip' }),
  ];
  for (const { label, path: address, headers } of targets) console.log(`  ${label.padEnd(22)} ${address}${headers.Cookie ? ' (session cookie of the demo reader)' : ''}${headers['Accept-Encoding'] ? ' (Accept-Encoding: gzip)' : ''}`);
  return targets;
}

function target(label: string, origin: string, address: string, cache: Target['cache'], headers: Record<string, string> = {}, checked = false): Target {
  return { label, origin, path: address, headers, cache, bytes: 0, checked, runs: [] };
}

/** A few requests each (the first may render), then the answer must be what the target expects; then a short load. */
async function warm(targets: Target[]): Promise<void> {
  for (const target of targets) {
    let reply: Reply | null = null;
    for (let i = 0; i < 3; i += 1) reply = await get(target.origin, target.path, target.headers);
    const cache = (reply!.headers[CACHE_HEADER] as string | undefined) ?? null;
    if (cache !== target.cache) throw new Error(`${target.label}: ${CACHE_HEADER} ${cache ?? 'absent'} after warm-up, expected ${target.cache ?? 'absent'}`);
    if (target.headers.Cookie && !reply!.body.includes('Signed in as')) throw new Error(`${target.label}: the page does not show the reader as signed in`);
    if (target.headers['Accept-Encoding'] && reply!.headers['content-encoding'] !== 'gzip') throw new Error(`${target.label}: not gzip-encoded`);
    target.bytes = reply!.body.length;
    await load(`${target.origin}${target.path}`, { connections: CONNECTIONS, seconds: WARM_SECONDS, headers: target.headers, cacheHeader: CACHE_HEADER });
  }
}

const counts = (cache: Record<string, number>) => Object.entries(cache).map(([state, n]) => `${state} ${n}`).join(', ');

/** Prints the table and the checks; true when every check passes. */
function report(targets: Target[]): boolean {
  const rate = (target: Target) => median(target.runs.map((run) => run.requestsPerSecond));
  const rows = targets.map((target) => {
    const rps = median(target.runs.map((run) => run.requestsPerSecond));
    const cache: Record<string, number> = {};
    for (const run of target.runs) for (const [state, n] of Object.entries(run.cache)) cache[state] = (cache[state] ?? 0) + n;
    return {
      target,
      rps,
      p50: median(target.runs.map((run) => run.p50)),
      p99: median(target.runs.map((run) => run.p99)),
      share: rps / rate(target.comparedWith ?? targets[0]!),
      failures: target.runs.reduce((sum, run) => sum + run.failures, 0),
      cache,
    };
  });

  const setup = NGINX ? 'through nginx, two instances and Redis' : 'one instance';
  console.log(`\n${setup}: ${CONNECTIONS} connections, ${SECONDS} s per target, ${ROUNDS} rounds (medians), 127.0.0.1, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}\n`);
  console.log(`| target | bytes | req/s (median) | p50 ms | p99 ms | of static ceiling | ${NGINX ? 'X-Proxy-Cache' : 'X-Cache'} under load |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    console.log(`| ${row.target.label} | ${row.target.bytes} | ${row.rps.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${(row.share * 100).toFixed(0)} % | ${counts(row.cache)} |`);
  }

  const checks: [string, boolean][] = [];
  for (const row of rows.filter((row) => row.target.checked)) {
    checks.push([`${row.target.label}: ${(row.share * 100).toFixed(0)} % of the static-file ceiling (>= ${MIN_SHARE_OF_CEILING * 100} %)`, row.share >= MIN_SHARE_OF_CEILING]);
    checks.push([`${row.target.label}: p99 ${row.p99.toFixed(1)} ms (<= ${MAX_P99_MS} ms)`, row.p99 <= MAX_P99_MS]);
  }
  const failures = rows.reduce((sum, row) => sum + row.failures, 0);
  checks.push([`every answer under load a 2xx, no errors or timeouts (${failures} otherwise)`, failures === 0]);
  console.log('');
  for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
  for (const row of rows) {
    const { [row.target.cache ?? 'none']: _expected, ...other } = row.cache;
    if (Object.keys(other).length > 0) console.log(`NOTE  ${row.target.label}: not all answers ${row.target.cache ?? `without ${CACHE_HEADER}`} under load: ${counts(other)}`);
  }
  if (unavailable.length > 0) console.log(`NOTE  ${unavailable.length} answers of 503 before the measurement, retried: ${[...new Set(unavailable)].join(', ')}`);
  return checks.every(([, ok]) => ok);
}

const logLines = (logFile: string) => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : []);

/** Lines of the server's log that look like trouble, and whether they came during the measurement. */
function reportServerLog(logFile: string, measuringFromLine: number): void {
  const lines = logLines(logFile);
  const trouble = lines.map((line, index) => ({ line, index })).filter(({ line }) => /error|warn|fail|unhandled|exception|not answering|stale|503/i.test(line));
  console.log(`\nserver log (${logFile}): ${lines.length} lines, ${trouble.length} about errors, warnings or the database`);
  for (const { line, index } of trouble.slice(0, 20)) console.log(`  ${index >= measuringFromLine ? '[measuring] ' : '[setup]     '}${line}`);
}

const perRound = (NGINX ? 7 : 6) * (SECONDS + 1); // six targets, seven through nginx
const cleanup = new Cleanup({ deadlineMs: (20 * 60 + 6 * WARM_SECONDS + ROUNDS * perRound * 2) * 1000 });
let passed = false;
let logFile = '';
let measuringFromLine = Infinity;
try {
  const port = await freePort(Number(process.env.BENCH_PORT ?? 3200));
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  let targets: Target[];
  if (NGINX) {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-nginx-'));
    const staticRoot = path.join(workDir, 'static');
    fs.mkdirSync(staticRoot);
    for (const dir of [workDir, staticRoot]) fs.chmodSync(dir, 0o755);
    logFile = path.join(workDir, 'instance-1.log');
    const cluster = await startClusterOnFreshDatabase(cleanup, { databasePrefix: 'newsroom_benchhttp_', port, distDir, logDir: workDir, staticRoot });
    targets = await pickTargets(cluster.origin, { origin: cluster.staticOrigin, root: staticRoot });
  } else {
    logFile = path.join(os.tmpdir(), `newsroom-bench-http-${port}.log`);
    const { origin } = await startSiteOnFreshDatabase(cleanup, { databasePrefix: 'newsroom_benchhttp_', port, distDir, logFile });
    targets = await pickTargets(origin, null);
  }
  await warm(targets);
  measuringFromLine = logLines(logFile).length;
  console.log(`measuring: ${targets.length} targets × ${ROUNDS} rounds × ${SECONDS} s (about ${Math.ceil((ROUNDS * perRound) / 60)} min)`);
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const target of targets) {
      const run = await load(`${target.origin}${target.path}`, { connections: CONNECTIONS, seconds: SECONDS, headers: target.headers, cacheHeader: CACHE_HEADER });
      target.runs.push(run);
      console.log(`  round ${round}: ${target.label.padEnd(22)} ${run.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${run.p50.toFixed(1).padStart(6)} ms  p99 ${run.p99.toFixed(1).padStart(6)} ms`);
    }
  }
  passed = report(targets);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await cleanup.run();
  if (logFile) reportServerLog(logFile, measuringFromLine);
}
process.exit(passed ? 0 : 1);
