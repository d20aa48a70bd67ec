/**
 * `npm run load:views`: are article views counted at 2,000 a second, none lost beyond the dedupe (docs/adr/0027)?
 *
 * Starts the production site (server/main.ts, as `npm start` runs it) on 127.0.0.1 with a fresh demo database and
 * TRUSTED_PROXIES=127.0.0.1, so that each simulated reader comes from an X-Forwarded-For address of its own. Then:
 *
 *   1. steady: VIEWS_RATE beacons a second (default 2000) for VIEWS_SECONDS (default 30), POST /api/views over
 *      VIEWS_CONNECTIONS keep-alive loopback connections (default 32), paced by the clock whatever the answers' speed.
 *      A share VIEWS_DUPLICATES (default 0.2) repeats a reader and story sent a moment before (the same address and
 *      user agent); the rest are new readers, spread over the public stories (a few read much more than the rest).
 *      Waits for the batches to be written and compares article_views with what was sent minus the duplicates.
 *   2. shutdown: one more second of beacons, then SIGTERM to the site as soon as the last is answered: the views
 *      still in its tally must be written before it exits.
 *
 * Prints a table (sent, duplicates, expected, the front's answers, stored, lost, the beacons' latency and the time
 * from the last beacon to its batch in the database) and exits 1 if a view is lost or counted twice, or the rate fell
 * short by more than 5 % (answered per second: sent, counting to the last answer). Waits for the next hour if the run would straddle one (the dedupe is per clock hour).
 * Port: VIEWS_PORT (default 3525, or the next free one); build folder: NEXT_DIST_DIR (default .next).
 */
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import postgres from 'postgres';

import { Cleanup } from './lib/cleanup';
import { percentile } from './lib/load';
import { freePort, startSiteOnFreshDatabase } from './lib/site';

const number = (name: string, fallback: number, max: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0 || value > max) throw new Error(`${name} must be a number from 0 to ${max}`);
  return value;
};
const RATE = number('VIEWS_RATE', 2000, 20_000);
const SECONDS = number('VIEWS_SECONDS', 30, 300);
const CONNECTIONS = Math.max(1, Math.round(number('VIEWS_CONNECTIONS', 32, 512)));
const DUPLICATES = number('VIEWS_DUPLICATES', 0.2, 0.9);
const REQUEST_TIMEOUT_MS = 10_000;
const WRITE_WAIT_MS = 15_000;
const HOUR_MS = 3_600_000;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

type View = { articleId: number; reader: number };
type Phase = {
  sent: number;
  duplicates: number;
  expected: number;
  answers: Map<string, number>;
  failures: number;
  latencies: number[];
  /** From the first beacon to the last one sent, and to the last one answered. */
  seconds: number;
  answeredSeconds: number;
  lastAnsweredAt: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
const addressOf = (reader: number) => `10.${(reader >>> 16) & 255}.${(reader >>> 8) & 255}.${reader & 255}`;

function beacon(origin: string, view: View): Promise<string> {
  const body = JSON.stringify({ id: view.articleId });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${origin}/api/views`,
      {
        method: 'POST',
        agent,
        timeout: REQUEST_TIMEOUT_MS,
        headers: { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body), 'User-Agent': BROWSER, 'X-Forwarded-For': addressOf(view.reader) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 204 ? String(res.headers['x-view']) : `status ${res.statusCode}`));
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends `rate` beacons a second for `seconds`, paced by the clock; waits for every answer. */
async function send(origin: string, articleIds: number[], rate: number, seconds: number, firstReader: number): Promise<Phase> {
  const phase: Phase = { sent: 0, duplicates: 0, expected: 0, answers: new Map(), failures: 0, latencies: [], seconds: 0, answeredSeconds: 0, lastAnsweredAt: 0 };
  const recent: View[] = [];
  let reader = firstReader;
  const total = Math.round(rate * seconds);
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  // A few stories are read much more than the rest (1/rank).
  const weights = articleIds.map((_, rank) => 1 / (rank + 1));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const pickArticle = () => {
    let roll = Math.random() * weightSum;
    for (let index = 0; index < articleIds.length; index += 1) {
      roll -= weights[index]!;
      if (roll <= 0) return articleIds[index]!;
    }
    return articleIds.at(-1)!;
  };
  while (phase.sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    while (phase.sent < due) {
      let view: View;
      if (recent.length > 0 && Math.random() < DUPLICATES) {
        view = recent[Math.floor(Math.random() * recent.length)]!;
        phase.duplicates += 1;
      } else {
        view = { articleId: pickArticle(), reader: reader++ };
        phase.expected += 1;
        recent.push(view);
        if (recent.length > 2000) recent.shift();
      }
      phase.sent += 1;
      const at = performance.now();
      inFlight.push(
        beacon(origin, view).then(
          (answer) => {
            phase.latencies.push(performance.now() - at);
            phase.answers.set(answer, (phase.answers.get(answer) ?? 0) + 1);
            phase.lastAnsweredAt = performance.now();
          },
          () => {
            phase.failures += 1;
          },
        ),
      );
    }
    await sleep(2);
  }
  phase.seconds = (performance.now() - started) / 1000;
  await Promise.all(inFlight);
  phase.answeredSeconds = (phase.lastAnsweredAt - started) / 1000;
  return phase;
}

async function storedViews(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ views: number }[]>`select coalesce(sum(views), 0)::int as views from article_views`;
  return row?.views ?? 0;
}

/** Polls until the stored total reaches `target` (or stops moving for long); returns it and when it got there. */
async function waitForStored(sql: postgres.Sql, target: number): Promise<{ stored: number; at: number }> {
  const deadline = performance.now() + WRITE_WAIT_MS;
  let stored = await storedViews(sql);
  while (stored < target && performance.now() < deadline) {
    await sleep(50);
    stored = await storedViews(sql);
  }
  const at = performance.now();
  // Anything more arriving late would be a double count: look once more.
  await sleep(1500);
  return { stored: await storedViews(sql), at };
}

const cleanup = new Cleanup({ deadlineMs: (20 * 60 + SECONDS * 2) * 1000 });
let passed = false;
try {
  const port = await freePort(Number(process.env.VIEWS_PORT ?? 3525));
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const logFile = path.join(os.tmpdir(), `newsroom-load-views-${port}.log`);
  const { origin, databaseUrl, instance } = await startSiteOnFreshDatabase(cleanup, { databasePrefix: 'newsroom_loadviews_', port, distDir, logFile, env: { TRUSTED_PROXIES: '127.0.0.1' } });
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  cleanup.add('close the database connection', () => sql.end());
  const articleIds = (await sql<{ id: number }[]>`
    select id from articles where status = 'published' and published_at <= now() and (unpublish_at is null or unpublish_at > now()) order by published_at desc`).map((row) => row.id);
  if (articleIds.length === 0) throw new Error('the demo database has no public stories');

  // The dedupe is per clock hour: a run that straddles one would count some repeats again.
  const untilNextHour = HOUR_MS - (Date.now() % HOUR_MS);
  if (untilNextHour < (SECONDS + 60) * 1000) {
    console.log(`waiting ${Math.ceil(untilNextHour / 1000)} s for the next hour`);
    await sleep(untilNextHour + 1000);
  }
  console.log(`${articleIds.length} public stories; ${RATE} beacons/s for ${SECONDS} s, ${Math.round(DUPLICATES * 100)} % repeats, ${CONNECTIONS} connections; server log ${logFile}`);

  // A few beacons first, so that the site has read its list of public stories and opened its connections.
  const before = await storedViews(sql);
  const warm = await send(origin, articleIds, 50, 1, 1_000_000);
  const afterWarm = await waitForStored(sql, before + warm.expected);

  const steady = await send(origin, articleIds, RATE, SECONDS, 0);
  const steadyStored = await waitForStored(sql, afterWarm.stored + steady.expected);

  const last = await send(origin, articleIds, RATE, 1, 2_000_000);
  await instance.stop('SIGTERM');
  const shutdownStored = await storedViews(sql);

  const rows: [string, Phase, number][] = [
    [`steady ${SECONDS} s`, steady, steadyStored.stored - afterWarm.stored],
    ['1 s, then SIGTERM', last, shutdownStored - steadyStored.stored],
  ];
  const table = rows.map(([label, phase, stored]) => {
    const sorted = Float64Array.from(phase.latencies).sort();
    return {
      phase: label,
      'sent/s': Math.round(phase.sent / phase.seconds),
      'answered/s': Math.round(phase.sent / phase.answeredSeconds),
      sent: phase.sent,
      repeats: phase.duplicates,
      expected: phase.expected,
      counted: phase.answers.get('counted') ?? 0,
      duplicate: phase.answers.get('duplicate') ?? 0,
      other: phase.sent - (phase.answers.get('counted') ?? 0) - (phase.answers.get('duplicate') ?? 0),
      stored,
      lost: phase.expected - stored,
      'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
      'p99 ms': Number(percentile(sorted, 99).toFixed(1)),
      'max ms': Number((sorted.at(-1) ?? NaN).toFixed(1)),
    };
  });
  console.table(table);
  console.log(`last steady beacon answered → all its views in article_views: ${Math.max(0, steadyStored.at - steady.lastAnsweredAt).toFixed(0)} ms`);
  const checks: [string, boolean][] = [
    // Answered, not only sent: a server that falls behind makes the client queue, and the queue shows here.
    [`steady rate answered at least 95 % of ${RATE}/s`, steady.sent / steady.answeredSeconds >= RATE * 0.95],
    ['every beacon answered (no errors, no other answers)', rows.every(([, phase]) => phase.failures === 0 && phase.answers.size <= 2)],
    ['the front counted exactly the expected views', rows.every(([, phase]) => (phase.answers.get('counted') ?? 0) === phase.expected && (phase.answers.get('duplicate') ?? 0) === phase.duplicates)],
    ['article_views holds exactly sent minus repeats (nothing lost, nothing twice)', rows.every(([, phase, stored]) => stored === phase.expected)],
  ];
  console.log('');
  for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
  passed = checks.every(([, ok]) => ok);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  agent.destroy();
  await cleanup.run();
}
process.exit(passed ? 0 : 1);
