/**
 * `npm run bench:signin`: does a storm of sign-ins starve everyone else (issue 11, hole 7; docs/adr/0024)?
 *
 * Starts the production site (server/main.ts, as `npm start` runs it) on 127.0.0.1 with a fresh demo database and
 * TRUSTED_PROXIES=127.0.0.1, so that each simulated reader comes from an X-Forwarded-For address of its own, and adds
 * BENCH_READERS reader accounts (default 50). Then, BENCH_RUNS times (default 3):
 *
 *   1. quiet: a steady stream of anonymous page reads (the front page and an article, page-cache hits), one every
 *      1000 / BENCH_READ_RATE ms (default 40 a second) whatever the answers' speed, for BENCH_QUIET_SECONDS (default 5);
 *   2. storm: the same stream, and after half a second every reader signs in BENCH_SIGNINS_PER_READER times (default
 *      4) at once, 200 sign-ins, each the real one: Auth.js's CSRF token (GET /api/auth/csrf, its cookie kept), then
 *      the credentials POST with the correct password. The stream goes on until the last sign-in has its answer.
 *
 * Prints, as the medians over the runs, the page reads' p50/p95/p99 when quiet and during the storm, the sign-ins'
 * latency and how many signed in, were asked to try again (the password-hash pool's refusal, `code=busy`, or the
 * sign-in gate's 503), were throttled or failed;
 * and checks the issue's target (page-read p99 during the storm < 250 ms), exiting 1 if it fails. Loopback only;
 * every request has a timeout and the whole script a deadline. Port: BENCH_PORT (default 3415, or the next free one);
 * build folder: NEXT_DIST_DIR (default .next). The sign-in throttle is cleared between runs (a refusal counts as an
 * attempt, and the runs must not add up).
 */
import os from 'node:os';
import path from 'node:path';

import postgres from 'postgres';

import { hashPassword } from '../lib/passwords';
import { parseContentRoute } from '../lib/public-routes';
import { Cleanup } from './lib/cleanup';
import { cookieHeader, keepCookies, request, type Reply } from './lib/http';
import { percentile } from './lib/load';
import { freePort, startSiteOnFreshDatabase } from './lib/site';

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const RUNS = Math.round(positive('BENCH_RUNS', 3));
const READERS = Math.min(250, Math.round(positive('BENCH_READERS', 50)));
const SIGNINS_PER_READER = Math.min(10, Math.round(positive('BENCH_SIGNINS_PER_READER', 4)));
const READ_RATE = Math.min(500, positive('BENCH_READ_RATE', 40));
const QUIET_MS = positive('BENCH_QUIET_SECONDS', 5) * 1000;
const STORM_LEAD_MS = 500;
const READ_TIMEOUT_MS = 10_000;
const SIGNIN_TIMEOUT_MS = 60_000;
/** The issue's target. */
const MAX_STORM_P99_MS = 250;
const PASSWORD = 'bench sign-in storm password';

type ReadSample = { startedAt: number; ms: number; ok: boolean };
/** 'try again': the password-hash pool's refusal (Auth.js's `code=busy`); 'busy (503)': the sign-in gate's (server/sign-in-gate.ts). */
type SignInOutcome = 'signed in' | 'try again' | 'busy (503)' | 'throttled' | 'failed';
type SignInSample = { ms: number; outcome: SignInOutcome };
type Stats = { count: number; failures: number; p50: number; p95: number; p99: number; max: number };
type Run = { quiet: Stats; storm: Stats; signIns: Stats; stormMs: number; outcomes: Record<SignInOutcome, number> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function stats(samples: { ms: number; ok: boolean }[]): Stats {
  const sorted = Float64Array.from(samples.map((sample) => sample.ms)).sort();
  return {
    count: samples.length,
    failures: samples.filter((sample) => !sample.ok).length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

async function get(origin: string, target: string): Promise<Reply> {
  const reply = await request(`${origin}${target}`, { timeoutMs: READ_TIMEOUT_MS });
  if (reply.status !== 200) throw new Error(`GET ${target} answered ${reply.status}, not 200`);
  return reply;
}

/** The front page and its first article, each asked for until the page cache answers HIT. */
async function pickPages(origin: string): Promise<string[]> {
  const front = (await get(origin, '/')).body.toString('utf8');
  const article = [...front.matchAll(/href="(\/[^"#?]*)/g)]
    .map((match) => match[1]!)
    .find((link) => {
      const route = parseContentRoute(link);
      return typeof route === 'object' && route?.kind === 'article';
    });
  if (!article) throw new Error('the front page links to no article');
  for (const page of ['/', article]) {
    let cache: unknown;
    for (let attempt = 0; attempt < 10 && cache !== 'HIT'; attempt += 1) cache = (await get(origin, page)).headers['x-cache'];
    if (cache !== 'HIT') throw new Error(`${page}: X-Cache ${String(cache)} after ten requests, not HIT`);
  }
  return ['/', article];
}

/** Anonymous reads launched at READ_RATE a second, alternating over `pages`, until stop() (open loop: no waiting for answers). */
function readStream(origin: string, pages: string[]): { samples: ReadSample[]; stop: () => Promise<void> } {
  const samples: ReadSample[] = [];
  const inFlight = new Set<Promise<void>>();
  let n = 0;
  const timer = setInterval(() => {
    const startedAt = performance.now();
    const page = pages[n++ % pages.length]!;
    const done = request(`${origin}${page}`, { timeoutMs: READ_TIMEOUT_MS })
      .then((reply) => reply.status === 200 && reply.headers['x-cache'] === 'HIT')
      .catch(() => false)
      .then((ok) => {
        samples.push({ startedAt, ms: performance.now() - startedAt, ok });
        inFlight.delete(done);
      });
    inFlight.add(done);
  }, 1000 / READ_RATE);
  return {
    samples,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(inFlight);
    },
  };
}

/** One real sign-in from `address`: Auth.js's CSRF token and cookie, then the credentials POST; what came of it. */
async function signIn(origin: string, email: string, address: string): Promise<SignInSample> {
  const started = performance.now();
  const headers = { 'X-Forwarded-For': address };
  let outcome: SignInOutcome = 'failed';
  try {
    const jar = new Map<string, string>();
    const csrf = await request(`${origin}/api/auth/csrf`, { headers, timeoutMs: SIGNIN_TIMEOUT_MS });
    if (csrf.status === 503) return { ms: performance.now() - started, outcome: 'busy (503)' };
    keepCookies(jar, csrf);
    const { csrfToken } = JSON.parse(csrf.body.toString('utf8')) as { csrfToken: string };
    const answer = await request(`${origin}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(jar) },
      body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${origin}/` }).toString(),
      timeoutMs: SIGNIN_TIMEOUT_MS,
    });
    keepCookies(jar, answer);
    const location = String(answer.headers.location ?? '');
    if (answer.status === 503) outcome = 'busy (503)';
    else if ([...jar.keys()].some((name) => /^(?:__Secure-)?authjs\.session-token/.test(name))) outcome = 'signed in';
    else if (/[?&]code=busy\b/.test(location)) outcome = 'try again';
    else if (/[?&]code=throttled\b/.test(location)) outcome = 'throttled';
  } catch {
    outcome = 'failed';
  }
  return { ms: performance.now() - started, outcome };
}

async function measure(origin: string, pages: string[], readers: string[]): Promise<Run> {
  const quietStream = readStream(origin, pages);
  await sleep(QUIET_MS);
  await quietStream.stop();

  const stormStream = readStream(origin, pages);
  await sleep(STORM_LEAD_MS);
  const stormStart = performance.now();
  const attempts = readers.flatMap((email, index) =>
    Array.from({ length: SIGNINS_PER_READER }, () => signIn(origin, email, `203.0.113.${(index % 250) + 1}`)),
  );
  const signIns = await Promise.all(attempts);
  const stormEnd = performance.now();
  await stormStream.stop();

  const outcomes: Record<SignInOutcome, number> = { 'signed in': 0, 'try again': 0, 'busy (503)': 0, throttled: 0, failed: 0 };
  for (const sample of signIns) outcomes[sample.outcome] += 1;
  const during = stormStream.samples.filter((sample) => sample.startedAt >= stormStart && sample.startedAt <= stormEnd);
  return {
    quiet: stats(quietStream.samples),
    storm: stats(during),
    signIns: stats(signIns.map((sample) => ({ ms: sample.ms, ok: sample.outcome === 'signed in' }))),
    stormMs: stormEnd - stormStart,
    outcomes,
  };
}

function report(runs: Run[]): boolean {
  const of = (pick: (run: Run) => number) => median(runs.map(pick));
  const ms = (value: number) => value.toFixed(1);
  const row = (label: string, pick: (run: Run) => Stats) =>
    `| ${label} | ${of((run) => pick(run).count).toFixed(0)} | ${ms(of((run) => pick(run).p50))} | ${ms(of((run) => pick(run).p95))} | ${ms(of((run) => pick(run).p99))} | ${ms(of((run) => pick(run).max))} | ${runs.reduce((sum, run) => sum + pick(run).failures, 0)} |`;
  console.log(
    `\n${RUNS} runs (medians), ${READERS} readers × ${SIGNINS_PER_READER} sign-ins at once, page reads at ${READ_RATE}/s, 127.0.0.1, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}\n`,
  );
  console.log('| | requests | p50 ms | p95 ms | p99 ms | max ms | not OK (all runs) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(row('page reads, quiet', (run) => run.quiet));
  console.log(row('page reads, during the storm', (run) => run.storm));
  console.log(row('sign-ins (not OK: not signed in)', (run) => run.signIns));
  const outcomes = (['signed in', 'try again', 'busy (503)', 'throttled', 'failed'] as const).map((outcome) => `${outcome} ${of((run) => run.outcomes[outcome])}`).join(', ');
  console.log(`\nsign-ins per run (medians): ${outcomes}; the storm lasted ${(of((run) => run.stormMs) / 1000).toFixed(1)} s`);
  for (const [index, run] of runs.entries()) {
    console.log(`  run ${index + 1}: storm reads p99 ${ms(run.storm.p99)} ms, quiet p99 ${ms(run.quiet.p99)} ms, sign-ins ${JSON.stringify(run.outcomes)}, sign-in p50 ${ms(run.signIns.p50)} ms, max ${ms(run.signIns.max)} ms`);
  }

  const stormP99 = of((run) => run.storm.p99);
  const readFailures = runs.reduce((sum, run) => sum + run.storm.failures + run.quiet.failures, 0);
  const failedSignIns = runs.reduce((sum, run) => sum + run.outcomes.failed + run.outcomes.throttled, 0);
  const checks: [string, boolean][] = [
    [`page reads during the storm: p99 ${ms(stormP99)} ms (< ${MAX_STORM_P99_MS} ms)`, stormP99 < MAX_STORM_P99_MS],
    [`every page read a 200 from the page cache (${readFailures} otherwise)`, readFailures === 0],
    [`every sign-in signed in or was asked to try again (${failedSignIns} failed or throttled)`, failedSignIns === 0],
  ];
  console.log('');
  for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
  return checks.every(([, ok]) => ok);
}

const cleanup = new Cleanup({ deadlineMs: (20 * 60 + RUNS * (QUIET_MS / 1000 + 120)) * 1000 });
let passed = false;
try {
  const port = await freePort(Number(process.env.BENCH_PORT ?? 3415));
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const logFile = path.join(os.tmpdir(), `newsroom-bench-signin-${port}.log`);
  const { origin, databaseUrl } = await startSiteOnFreshDatabase(cleanup, {
    databasePrefix: 'newsroom_benchsignin_',
    port,
    distDir,
    logFile,
    env: { TRUSTED_PROXIES: '127.0.0.1' },
  });
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  cleanup.add('close the database connection', () => sql.end());
  // One hash for every reader: what the storm measures is verifying it, 200 times.
  const passwordHash = await hashPassword(PASSWORD);
  const readers = Array.from({ length: READERS }, (_, index) => `bench-reader-${index + 1}@example.test`);
  await sql`insert into users ${sql(readers.map((email, index) => ({ name: `Bench reader ${index + 1}`, email, password_hash: passwordHash })))}`;
  console.log(`${READERS} reader accounts; server log ${logFile}`);

  const pages = await pickPages(origin);
  console.log(`page reads: ${pages.join(' and ')} (X-Cache: HIT)`);
  const runs: Run[] = [];
  for (let index = 1; index <= RUNS; index += 1) {
    await sql`delete from sign_in_throttle`;
    const run = await measure(origin, pages, readers);
    runs.push(run);
    console.log(`  run ${index}: reads p99 quiet ${run.quiet.p99.toFixed(1)} ms, storm ${run.storm.p99.toFixed(1)} ms; sign-ins ${JSON.stringify(run.outcomes)} in ${(run.stormMs / 1000).toFixed(1)} s`);
  }
  passed = report(runs);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await cleanup.run();
}
process.exit(passed ? 0 : 1);
