/**
 * `npm run bench:live`: do 2,000 readers of one live blog each get every entry within 2 s (issue 14; docs/adr/0026)?
 *
 * Starts the production site (server/main.ts, as `npm start` runs it) on 127.0.0.1 with a fresh demo database, whose
 * running live blog is the one read. Opens BENCH_READERS Server-Sent Events streams to it (default 2,000; plain http
 * on loopback, one socket each, from this process), waits until all are connected, then posts an entry every
 * BENCH_INTERVAL_SECONDS (default 5) for BENCH_SECONDS (default 30) through the data layer's postLiveEntry, as the
 * dashboard's action does (a transaction that NOTIFYs at commit). For each entry it records when each reader's stream
 * delivered it, measured from the moment the post began.
 *
 * Prints per-entry and overall delivery latency percentiles and delivered/expected counts, and exits 1 if a reader
 * missed an entry or the slowest delivery took longer than 2 s. Loopback only; every stream is closed and the site
 * and database are removed at the end, and the whole script has a deadline. Port: BENCH_PORT (default 3520, or the
 * next free one); build folder: NEXT_DIST_DIR (default .next). Needs about 2 file descriptors per reader (this
 * process's sockets, and the site's): it checks the limit first.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import postgres from 'postgres';

import { resetEnvForTests } from '../lib/env';
import { streamReader } from '../lib/live-events';

import { Cleanup } from './lib/cleanup';
import { percentile } from './lib/load';
import { freePort, startSiteOnFreshDatabase } from './lib/site';

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const READERS = Math.min(10_000, Math.round(positive('BENCH_READERS', 2000)));
const INTERVAL_MS = positive('BENCH_INTERVAL_SECONDS', 5) * 1000;
const DURATION_MS = positive('BENCH_SECONDS', 30) * 1000;
/** The target. */
const MAX_DELIVERY_MS = 2000;
const CONNECT_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openFilesLimit(): number {
  try {
    const line = fs.readFileSync('/proc/self/limits', 'utf8').split('\n').find((text) => text.startsWith('Max open files'));
    return Number(line?.split(/\s+/)[3] ?? Infinity);
  } catch {
    return Infinity;
  }
}

const limit = openFilesLimit();
if (limit < READERS * 2 + 500) {
  console.error(`This needs about ${READERS * 2 + 500} open files (2 per reader); the limit is ${limit}. Run it as: sh -c 'ulimit -n ${READERS * 2 + 1000} && npm run bench:live'`);
  process.exit(1);
}

const cleanup = new Cleanup({ deadlineMs: 10 * 60_000 + DURATION_MS });
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const port = await freePort(Number(process.env.BENCH_PORT ?? 3520));
const logFile = path.join(os.tmpdir(), `bench-live-${port}.log`);

/** Each reader's stream: when it got each entry (by id). */
type Reader = { received: Map<number, number>; request: http.ClientRequest; connected: boolean };

function openReader(origin: string, articleId: number, agent: http.Agent): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const reader: Reader = { received: new Map(), request: null as unknown as http.ClientRequest, connected: false };
    reader.request = http.get(`${origin}/api/live/${articleId}`, { agent, headers: { Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`stream answered ${res.statusCode}`));
        return;
      }
      reader.connected = true;
      res.setEncoding('utf8');
      res.on(
        'data',
        streamReader(({ id, event }) => {
          if (id && event === 'entry') reader.received.set(Number(id), performance.now());
        }),
      );
      resolve(reader);
    });
    reader.request.on('error', reject);
  });
}

try {
  const { origin, databaseUrl } = await startSiteOnFreshDatabase(cleanup, { databasePrefix: 'newsroom_bench_live_', port, distDir, logFile });
  // The data layer (postLiveEntry) reads DATABASE_URL when it first connects: the bench's database. The environment
  // was already parsed (starting the site reads it), so it is read again.
  process.env.DATABASE_URL = databaseUrl;
  resetEnvForTests();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  cleanup.add('close the bench connection', () => sql.end({ timeout: 1 }));
  const [story] = await sql<{ id: number; headline: string }[]>`select id, headline from articles where format = 'live' and live_closed_at is null order by id limit 1`;
  const [editor] = await sql<{ id: string; name: string }[]>`select id, name from users where role in ('editor', 'admin') order by email limit 1`;
  if (!story || !editor) throw new Error('the demo newspaper has no running live blog or no editor');
  console.log(`live blog ${story.id} "${story.headline}"; posting as ${editor.name}`);

  // Every reader its own socket, as 2,000 browsers would have.
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const readers: Reader[] = [];
  const connectStarted = performance.now();
  cleanup.add('close the readers\u2019 streams', () => {
    for (const reader of readers) reader.request.destroy();
    agent.destroy();
  });
  for (let i = 0; i < READERS; i += 100) {
    const batch = await Promise.all(Array.from({ length: Math.min(100, READERS - i) }, () => openReader(origin, story.id, agent)));
    readers.push(...batch);
    if (performance.now() - connectStarted > CONNECT_TIMEOUT_MS) throw new Error(`only ${readers.length} readers connected within ${CONNECT_TIMEOUT_MS / 1000} s`);
  }
  console.log(`${readers.length} readers connected in ${Math.round(performance.now() - connectStarted)} ms`);
  await sleep(1000);

  const { postLiveEntry } = await import('../data/live-entries');
  const viewer = { id: editor.id, name: editor.name, role: 'editor' as const };
  const posts: { id: number; startedAt: number; committedMs: number }[] = [];
  const runStarted = performance.now();
  for (let n = 1; performance.now() - runStarted < DURATION_MS; n += 1) {
    const due = runStarted + (n - 1) * INTERVAL_MS;
    await sleep(Math.max(0, due - performance.now()));
    const startedAt = performance.now();
    const { entryId } = await postLiveEntry(viewer, story.id, { title: `Bench entry ${n}`, body: `Entry ${n} of the live benchmark: **${READERS}** readers are waiting for it.`, imageId: null, imageAlt: '', keyEvent: false, pinned: false });
    posts.push({ id: entryId, startedAt, committedMs: performance.now() - startedAt });
    console.log(`posted entry ${n} (id ${entryId}) in ${(performance.now() - startedAt).toFixed(1)} ms`);
  }
  // The last entry gets its full allowance (and more) before counting.
  await sleep(MAX_DELIVERY_MS + 1000);

  const all: number[] = [];
  const rows = posts.map((post, index) => {
    const latencies = readers.map((reader) => reader.received.get(post.id)).filter((at): at is number => at !== undefined).map((at) => at - post.startedAt);
    latencies.sort((a, b) => a - b);
    all.push(...latencies);
    return { entry: index + 1, delivered: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN, commit: post.committedMs };
  });
  all.sort((a, b) => a - b);
  const expected = posts.length * readers.length;
  const fmt = (ms: number) => ms.toFixed(0).padStart(6);

  console.log(`\n${readers.length} readers, ${posts.length} entries one every ${INTERVAL_MS / 1000} s; delivery latency from the start of each post (ms):`);
  console.log('| entry | delivered | p50 | p95 | p99 | max | post committed |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.entry} | ${row.delivered}/${readers.length} | ${fmt(row.p50)} | ${fmt(row.p95)} | ${fmt(row.p99)} | ${fmt(row.max)} | ${row.commit.toFixed(1)} |`);
  console.log(`| all | ${all.length}/${expected} | ${fmt(percentile(all, 50))} | ${fmt(percentile(all, 95))} | ${fmt(percentile(all, 99))} | ${fmt(all.at(-1) ?? NaN)} | |`);

  const missed = expected - all.length;
  const slowest = all.at(-1) ?? Infinity;
  const ok = missed === 0 && slowest <= MAX_DELIVERY_MS;
  console.log(`\ntarget: every reader gets every entry within ${MAX_DELIVERY_MS} ms: ${ok ? 'met' : 'NOT met'} (missed ${missed}, slowest ${slowest.toFixed(0)} ms)`);
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup.run();
}
process.exit(process.exitCode ?? 0);
