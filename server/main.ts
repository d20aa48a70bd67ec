/**
 * One instance of the site: Next behind the page cache (docs/adr/0009), and the background worker unless WORKER=off
 * (docs/adr/0022). Started by `npm start` and by the
 * end-to-end suite, with DATABASE_URL, AUTH_SECRET and NODE_ENV=production set. On SIGTERM it stops taking
 * requests, finishes those in flight, then exits.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import path from 'node:path';

import next from 'next';

import { connect, resetDbPool } from '@/db/client';
import { readLiveState, readPublicLiveEntriesAfter, readPublicLiveEntry } from '@/data/live-stream';
import { loadPublicArticleIds } from '@/data/view-tally';
import { env } from '@/lib/env';
import { parseLivePath } from '@/lib/live-blog';
import { setViewRecorder } from '@/lib/view-recorder';
import { DEPLOYMENT_ID_FILE } from '@/scripts/lib/build';

import { installRemote, invalidateLocally, setReadMargin } from './cache-handler.mjs';
import { clientAddressOf, parseTrustedProxies } from './client-address';
import { DatabaseWatch } from './database-watch';
import { createFront } from './front';
import { startWorker } from './jobs';
import { pageScript } from './lean-page';
import { PageRenderer } from './page-render';
import { PageStore } from './page-store';
import { LiveHub } from './live-hub';
import { formFlashClearing, hasPersonalCookie, isMalformedPath } from './request-policy';
import { createScheduler } from './scheduled-changes';
import { SignInGate, signInRequestKind } from './sign-in-gate';
import { RedisRemote } from './redis-remote';
import { serveViewBeacon, viewBeaconKind } from './view-beacon';
import { PublicArticleIds, ViewCounter } from './view-counter';

const DRAIN_MS = 10_000;
/**
 * Connections the kernel may queue before this process accepts them (Node's default is 511). A burst of a thousand
 * readers or posts at once must wait in the queue, not be reset (capped by net.core.somaxconn).
 */
const LISTEN_BACKLOG = 4096;
/**
 * Sign-in requests Next handles at once: as many as the password-hash threads (lib/passwords.ts's default). One more
 * kept the pool busier, but doubled what a page read could find in the event loop ahead of it (docs/adr/0024).
 */
const SIGN_IN_CONCURRENCY = env().PASSWORD_HASH_THREADS ?? Math.max(1, availableParallelism() - 1);

const {
  PORT,
  SITE_URL,
  DATABASE_URL,
  DATABASE_REPLICA_URLS,
  REPLICA_MAX_LAG_MS,
  PAGE_CACHE_MB,
  REDIS_URL,
  AUTH_SECRET,
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
  TRUSTED_PROXIES,
  NEXT_DIST_DIR,
  NEXT_DEPLOYMENT_ID,
  WORKER,
  SITE_TIMEZONE,
} = env();
if (!DATABASE_URL) throw new Error('DATABASE_URL is not set: start the site with `npm start`.');
if (!AUTH_SECRET) throw new Error('AUTH_SECRET is not set: sessions cannot be signed. `npm start` makes one in DATA_DIR; with several instances give each the same value (docs/deploy.md).');
const trustedProxies = parseTrustedProxies(TRUSTED_PROXIES);

// Installed before Next loads the 'use cache' handler, which finds it on the process-wide cache state.
const shared = REDIS_URL ? new RedisRemote(REDIS_URL) : null;
installRemote(shared);
// Read replicas (docs/adr/0011): an entry made within REPLICA_MAX_LAG_MS of an invalidation is made again once the
// replica must have caught up.
setReadMargin(DATABASE_REPLICA_URLS.length > 0 ? REPLICA_MAX_LAG_MS : 0);
await shared?.connect();
if (shared) await checkSharedSecrets(shared);

/**
 * Several instances (REDIS_URL) must share AUTH_SECRET (sessions made by one are read by the others) and
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (a form rendered by one is posted to another). A missing or different value
 * is a start-up error, not a stream of failed sign-ins and actions later.
 */
async function checkSharedSecrets(remote: RedisRemote): Promise<void> {
  const actionsKey = NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  if (!actionsKey) {
    throw new Error('Several instances share this site (REDIS_URL is set): set NEXT_SERVER_ACTIONS_ENCRYPTION_KEY to the same value on every instance, before it builds (for example `openssl rand -base64 32`).');
  }
  const fingerprint = createHash('sha256').update(`${AUTH_SECRET ?? ''}\0${actionsKey}`).digest('hex');
  const agreement = await remote.agree('secrets', fingerprint);
  if (agreement === 'differs') {
    throw new Error('AUTH_SECRET or NEXT_SERVER_ACTIONS_ENCRYPTION_KEY differs from the running instances\' (REDIS_URL is shared): give every instance the same values.');
  }
  if (agreement === 'unknown') console.error('[front] Redis did not answer: could not check that every instance shares AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY');
}

const deploymentId = adoptBuildDeploymentId();
/**
 * The build's deployment id must be Next's at run time too: the browser bundles carry it (`?dpl=` on the chunks they
 * load), and a server that renders script tags without it makes the browser load every chunk twice and never
 * hydrate. Next reads it from NEXT_DEPLOYMENT_ID when it loads next.config.js, so it is set here, before, from the file
 * the build left (scripts/lib/build.ts) unless the operator set it.
 */
function adoptBuildDeploymentId(): string {
  if (NEXT_DEPLOYMENT_ID) return NEXT_DEPLOYMENT_ID;
  try {
    const id = fs.readFileSync(path.join(NEXT_DIST_DIR, DEPLOYMENT_ID_FILE), 'utf8').trim();
    if (id) process.env.NEXT_DEPLOYMENT_ID = id;
    return id;
  } catch {
    // A build made without one (plain `next build`): no deployment id, on both sides.
    return '';
  }
}

const app = next({ dev: false, dir: process.cwd(), port: PORT, customServer: true });
await app.prepare();
const handle = app.getRequestHandler();

const watch = new DatabaseWatch({
  url: DATABASE_URL,
  onDown: (reason) => console.error(`[front] the database is not answering (${reason}): cached pages are served stale, other pages answer 503`),
  onUp: (downForMs) => {
    console.log(`[front] the database is back after ${(downForMs / 1000).toFixed(1)} s`);
    // The site's pooled connections died with it: start afresh rather than fail one query on each.
    resetDbPool();
  },
  // A story that falls due (or expires) changes every list: the pages are invalidated at that moment.
  onSchedule: createScheduler(invalidateLocally),
});
watch.start();
// The background worker (mail, periodic jobs), unless WORKER=off leaves it to `npm run worker` (docs/adr/0022). Not
// awaited: a database that is away at start-up delays the worker's first run, not the site.
const worker = WORKER === 'on' ? startWorker(DATABASE_URL) : null;
worker?.catch((error: unknown) => console.error('[worker] could not start:', error));

// Built now rather than in the first reader's request (docs/adr/0032).
pageScript();
const renderer = new PageRenderer(handle, new URL(SITE_URL));
await renderer.listen();
const front = createFront({ handle, renderer, store: new PageStore(PAGE_CACHE_MB * 1024 * 1024, deploymentId), watch, resetDatabasePool: resetDbPool });

// Article views (docs/adr/0027): counted here, written in batches on a small pool of their own; Next's route handler
// for signed-in viewers reaches the same counter.
const viewsDb = connect(DATABASE_URL, { max: 2 });
const views = new ViewCounter({ db: viewsDb.db, publicIds: new PublicArticleIds(() => loadPublicArticleIds(viewsDb.db)), secret: AUTH_SECRET, shared });
views.start();
setViewRecorder((input, staff) => views.count(input, staff));

// Live blogs' streams (docs/adr/0026): served here, not by Next, so a reader waiting for entries costs a socket only.
const live = new LiveHub({
  url: DATABASE_URL,
  timeZone: SITE_TIMEZONE,
  reads: { state: (id) => readLiveState(id), entry: (id, entryId) => readPublicLiveEntry(id, entryId), after: (id, afterId) => readPublicLiveEntriesAfter(id, afterId) },
});
await live.start();

// A few sign-ins at a time in Next, so that a storm of them leaves the event loop to everyone else (docs/adr/0024).
const signInGate = new SignInGate({ concurrency: SIGN_IN_CONCURRENCY, maxWaiting: 1000, maxWaitMs: 5000 });

const server = http.createServer((req, res) => {
  // From here on, X-Forwarded-For holds one address: the client's as far as the trusted proxies say (lib/client-address).
  req.headers['x-forwarded-for'] = clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
  delete req.headers['x-real-ip'];
  if (isMalformedPath(req.url)) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('This address could not be read.');
    return;
  }
  const liveStory = req.method === 'GET' ? parseLivePath(req.url) : null;
  if (liveStory !== null) {
    void live.serve(liveStory, req, res).catch((error: unknown) => {
      console.error('[live] stream failed:', error);
      if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' });
      res.end();
    });
    return;
  }
  const serve = () =>
    void front(req, res).catch((error: unknown) => {
      console.error('[front] request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error');
    });
  // An anonymous view beacon never reaches Next: 2,000 a second must be cheap. With a session, Next's route decides.
  if (viewBeaconKind(req.url) && !hasPersonalCookie(req.headers)) {
    void serveViewBeacon(req, res, views).catch((error: unknown) => {
      console.error('[views] beacon failed:', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
    return;
  }
  const clearing = formFlashClearing(req.method, req.url, req.headers, SITE_URL.startsWith('https:'));
  if (clearing) res.appendHeader('Set-Cookie', clearing);
  const signIn = signInRequestKind(req);
  if (signIn) signInGate.run(signIn, res, serve);
  else serve();
});
server.listen({ port: PORT, backlog: LISTEN_BACKLOG }, () => console.log(`[front] listening on port ${PORT}`));

let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`[front] ${signal}: finishing requests in flight, then stopping`);
  const force = setTimeout(() => process.exit(0), DRAIN_MS);
  force.unref();
  // Live streams never finish by themselves: ended now, their browsers reconnect to another instance.
  void live.stop();
  server.close(() => {
    // The views still in the tally are written before the pool and Redis go.
    void views
      .stop()
      .then(() => Promise.all([renderer.close(), watch.stop(), shared?.close(), viewsDb.sql.end({ timeout: 5 }), worker?.then((running) => running.stop())]))
      .finally(() => process.exit(0));
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
