import type { IncomingHttpHeaders } from 'node:http';

import { parseThreadQuery, threadSearch } from '@/lib/comment-order';
import { FORM_FLASH_COOKIE } from '@/lib/form-flash';
import { liveSearch, parseLivePage } from '@/lib/live-pages';
import { parseContentRoute } from '@/lib/public-routes';

/**
 * Which requests the page cache may answer (docs/adr/0009). Only a read by someone the site cannot tell apart
 * from any other reader: no session, no preview, not one of the React router's own requests, not a personal or
 * staff area. Everything else goes to Next untouched.
 */

/**
 * Auth.js's session cookie (plain or __Secure-, possibly split into chunks), Next's draft-mode cookie, and a form's
 * answer to a post made without JavaScript (lib/form-flash.ts).
 */
const PERSONAL_COOKIE = new RegExp(`(?:^|;\\s*)(?:(?:__Secure-)?authjs\\.session-token(?:\\.\\d+)?|__prerender_bypass|${FORM_FLASH_COOKIE})=`);

/** Areas that are personal, staff-only, per query (a signed link's token: /newsletters/confirm, /unsubscribe, /reset-password), or served by their own handlers. */
const NOT_CACHED = /^\/(?:dashboard|api|_next|login|register|forgot-password|reset-password|account|search|media|newsletters|unsubscribe)(?:\/|$)/;

/** Headers the React router sends when it fetches a page's payload instead of its HTML. */
const ROUTER_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action', 'next-url'] as const;

export function hasPersonalCookie(headers: IncomingHttpHeaders): boolean {
  return PERSONAL_COOKIE.test(headers.cookie ?? '');
}

const FORM_FLASH = new RegExp(`(?:^|;\\s*)${FORM_FLASH_COOKIE}=`);

/**
 * The Set-Cookie that ends a form's answer to a post without JavaScript (docs/adr/0030) once the page it was sent to
 * is read, or null. The page still reads it (the header goes out with the answer), and a reload shows the form afresh.
 * Not done in the proxy: a cookie Next's proxy deletes is deleted for the page's render too.
 */
export function formFlashClearing(method: string | undefined, rawUrl: string | undefined, headers: IncomingHttpHeaders, secure: boolean): string | null {
  if ((method !== 'GET' && method !== 'HEAD') || !rawUrl?.startsWith('/') || headers.rsc !== undefined || !FORM_FLASH.test(headers.cookie ?? '')) return null;
  const path = rawUrl.split(/[?#]/)[0]!;
  // Only a plain path goes into the header (a ';' would add attributes of the sender's choosing).
  return /^\/[A-Za-z0-9\-._~%/]*$/.test(path) ? `${FORM_FLASH_COOKIE}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}` : null;
}

/** The request's URL when it is a read by someone the site cannot tell apart from any other reader, else null. */
function anonymousRead(method: string | undefined, rawUrl: string | undefined, headers: IncomingHttpHeaders): URL | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  if (!rawUrl || !rawUrl.startsWith('/')) return null;
  if (hasPersonalCookie(headers)) return null;
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined)) return null;
  try {
    const url = new URL(rawUrl, 'http://cache.invalid');
    return url.searchParams.has('_rsc') ? null : url;
  } catch {
    return null;
  }
}

/**
 * The page-cache key for a request, or null when the request must be rendered for its sender. The key is the
 * path plus only the query parameters the page reads, in one canonical order, so that `?utm_source=…` or a
 * random parameter cannot make a new entry (or a new render).
 */
export function pageCacheKey(method: string | undefined, rawUrl: string | undefined, headers: IncomingHttpHeaders): string | null {
  const url = anonymousRead(method, rawUrl, headers);
  if (!url || NOT_CACHED.test(url.pathname)) return null;
  const route = parseContentRoute(url.pathname);
  if (route !== null && typeof route === 'object' && route.kind === 'article') {
    // The thread's view and the live blog's page of entries (docs/adr/0026), each canonical, in one order.
    const params = Object.fromEntries(url.searchParams);
    const thread = threadSearch(parseThreadQuery(params));
    const live = liveSearch(parseLivePage(params));
    return `${url.pathname}${thread}${thread && live ? `&${live.slice(1)}` : live}`;
  }
  return url.pathname;
}

/**
 * An anonymous search, as the path and query to render: never stored (every query is its own page), but rendered
 * through the front like a page-cache miss, so a search that fails because the database just went away answers
 * 503 rather than Next's error page with status 200.
 */
export function anonymousSearch(method: string | undefined, rawUrl: string | undefined, headers: IncomingHttpHeaders): string | null {
  const url = anonymousRead(method, rawUrl, headers);
  return url?.pathname === '/search' ? `${url.pathname}${url.search}` : null;
}

/**
 * Whether the request's path is not valid percent-encoded UTF-8 (`/media/%ff`). Next's router cannot decode it and
 * answers 500 for route handlers; such an address names nothing, so the front answers 400 before Next sees it.
 * The query string is left alone: it is decoded leniently wherever it is read.
 */
export function isMalformedPath(rawUrl: string | undefined): boolean {
  const path = (rawUrl ?? '').split('?', 1)[0]!;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}
