import type http from 'node:http';

import { createNonce } from '@/lib/csp';

import type { DatabaseWatch } from './database-watch';
import { fill, fillGzip } from './page-body';
import type { PageRenderer, Rendered } from './page-render';
import { isFresh, type PageEntry, type PageStore } from './page-store';
import { anonymousSearch, pageCacheKey } from './request-policy';

type NextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/**
 * What a CDN or proxy may do with a public page: keep it 10 s, then serve it stale for up to a minute while it
 * asks again, and for up to a day while this site answers with errors. Browsers revalidate every time (ETag).
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=10, stale-while-revalidate=60, stale-if-error=86400';
/** A render that failed while the database answers is tried once more after this long. */
const RETRY_RENDER_AFTER_MS = 250;
/** A reader who waits for a 503 is told to try again in this many seconds. */
export const RETRY_AFTER_SECONDS = 5;

/** Responses that never need the database: the build's files and the site's stored images. */
const NEEDS_NO_DATABASE = /^\/(?:_next\/static\/|favicon\.ico$|media\/)/;

export type CacheState = 'HIT' | 'MISS' | 'STALE' | 'BYPASS';

export type FrontOptions = {
  handle: NextHandler;
  renderer: PageRenderer;
  store: PageStore;
  watch: DatabaseWatch;
  /** Swaps the site's database pool for a new one (its connections may have died with a database that restarted). */
  resetDatabasePool?: () => void;
};

/** A failed render right after an outage is its echo: the reader is told to come back, not shown an error. */
const OUTAGE_ECHO_MS = 5000;
/** The pool is dropped at most this often, whatever fails. */
const POOL_RESET_INTERVAL_MS = 5000;

/**
 * The request handler in front of Next (docs/adr/0009). Anonymous reads of public pages are answered from the
 * page cache with a fresh nonce stamped into the stored body; a miss is rendered once, however many readers ask
 * together. Everyone else is answered by Next as before. While the database is down, stored pages are served
 * stale and anything that needs a query gets a 503 at once.
 */
export function createFront({ handle, renderer, store, watch, resetDatabasePool }: FrontOptions) {
  const pending = new Map<string, Promise<Rendered>>();
  let poolResetAt = Number.NEGATIVE_INFINITY;

  function renderOnce(key: string): Promise<Rendered> {
    let render = pending.get(key);
    if (!render) {
      render = renderer.render(key).finally(() => pending.delete(key));
      pending.set(key, render);
    }
    return render;
  }

  /**
   * Renders `key` (one render for everyone asking at once). A render that failed (an error page, or no answer)
   * while the database answers is tried once more a moment later: it may have restarted faster than the watch
   * looks, or a pooled connection was lost.
   */
  async function render(key: string): Promise<Rendered> {
    const rendered = await renderOnce(key);
    if (rendered.ok || !(await watch.check())) return rendered;
    if (resetDatabasePool && performance.now() - poolResetAt > POOL_RESET_INTERVAL_MS) {
      poolResetAt = performance.now();
      resetDatabasePool();
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_RENDER_AFTER_MS));
    return renderOnce(key);
  }

  /** A render that failed twice: 503 while (or just after) the database is down, else the page's fault, a 500. */
  async function failed(rendered: Rendered, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!(await watch.check()) || watch.wasDownWithin(OUTAGE_ECHO_MS) || !rendered.entry) return unavailable(res);
    return respond({ ...rendered.entry, status: Math.max(500, rendered.entry.status) }, 'BYPASS', req, res);
  }

  async function serveSearch(key: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!(await watch.confirm())) return unavailable(res);
    const rendered = await render(key);
    if (rendered.ok) return respond(rendered.entry, 'BYPASS', req, res);
    return failed(rendered, req, res);
  }

  async function serveCached(key: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const stored = store.get(key) ?? (await store.getShared(key));
    if (stored && isFresh(stored)) return respond(stored, 'HIT', req, res);
    if (!(await watch.confirm())) return stored ? respond(stored, 'STALE', req, res) : unavailable(res);

    const rendered = await render(key);
    if (rendered.ok) {
      if (rendered.storable) store.set(key, rendered.entry);
      return respond(rendered.entry, rendered.storable ? 'MISS' : 'BYPASS', req, res);
    }
    // Still failing: the last good page; otherwise a 503, or the page's own fault as a 500 (never stored).
    if (stored) return respond(stored, 'STALE', req, res);
    return failed(rendered, req, res);
  }

  return async function front(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const key = pageCacheKey(req.method, req.url, req.headers);
    if (key !== null) return serveCached(key, req, res);
    const search = anonymousSearch(req.method, req.url, req.headers);
    if (search !== null) return serveSearch(search, req, res);
    if (!NEEDS_NO_DATABASE.test(req.url ?? '') && !(await watch.confirm())) return unavailable(res);
    // A server error is the first sign of a database that has just gone: check now rather than within a second.
    res.once('finish', () => {
      if (res.statusCode >= 500) void watch.check();
    });
    return handle(req, res);
  };
}

/** Whether the request's validators match the entry (RFC 9110 §13.1: If-None-Match wins over If-Modified-Since). */
function isNotModified(entry: PageEntry, req: http.IncomingMessage): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) {
    const weak = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch === '*' || ifNoneMatch.split(',').some((tag) => weak(tag) === weak(entry.etag));
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(entry.timestamp / 1000) * 1000 <= since;
  }
  return false;
}

function acceptsGzip(req: http.IncomingMessage): boolean {
  const accept = req.headers['accept-encoding'];
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding?.trim().toLowerCase() !== 'gzip' && coding?.trim() !== '*') return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * For nginx in front (deploy/nginx/newsroom.conf): keep this answer until the end of the current second. nginx counts
 * cache lifetimes in whole seconds from the start of the second it stores in, so its shortest, "1s", lasts up to two;
 * "@<this second>" lasts at most one, which keeps an edit within 2 s of readers behind it (docs/deploy.md). nginx
 * removes the header before the reader sees it.
 */
export function microCacheExpiry(now = Date.now()): string {
  return `@${Math.floor(now / 1000)}`;
}

/** Answers from a stored entry, with a nonce of its own in the body and the policy. */
export function respond(entry: PageEntry, state: CacheState, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.setHeader('X-Cache', state);
  if (state === 'BYPASS') {
    // Not stored (an error page, or a response that set a cookie): nobody else may keep it either.
    res.setHeader('Cache-Control', 'private, no-store');
    return send(entry, req, res);
  }
  res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
  res.setHeader('Vary', 'Cookie, Accept-Encoding');
  res.setHeader('ETag', entry.etag);
  res.setHeader('Last-Modified', new Date(entry.timestamp).toUTCString());
  // What the page was made from, for a CDN that purges by tag (Cloudflare's Cache-Tag; Fastly calls it Surrogate-Key).
  res.setHeader('Cache-Tag', entry.tags.join(','));
  if (state === 'HIT' || state === 'STALE') res.setHeader('Age', String(Math.max(0, Math.floor((Date.now() - entry.timestamp) / 1000))));
  res.setHeader('X-Accel-Expires', microCacheExpiry());

  if (isNotModified(entry, req)) {
    // No policy on a 304: the browser keeps the one stored with the body it already holds, whose nonce it matches.
    res.writeHead(304).end();
    return;
  }
  send(entry, req, res);
}

/** The entry's status, headers and body, with a nonce of its own. */
function send(entry: PageEntry, req: http.IncomingMessage, res: http.ServerResponse): void {
  const nonce = createNonce();
  for (const [name, value] of entry.headers) res.setHeader(name, value.join(nonce));
  if (entry.policy) res.setHeader('Content-Security-Policy', entry.policy.join(nonce));
  const gzip = acceptsGzip(req) ? fillGzip(entry.body, nonce) : null;
  const body = gzip ?? fill(entry.body, nonce);
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', body.length);
  res.writeHead(entry.status);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const UNAVAILABLE_PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Back in a moment</title></head><body><main><h1>Back in a moment</h1><p>This page cannot be shown just now. Please try again in a few seconds.</p><p><a href="/">Front page</a></p></main></body></html>`;

/** 503 with Retry-After: the site is up, the page needs the database, and the database is not answering. */
export function unavailable(res: http.ServerResponse): void {
  res.writeHead(503, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': String(RETRY_AFTER_SECONDS),
    'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
  });
  res.end(UNAVAILABLE_PAGE);
}
