import { NextResponse, type NextRequest } from 'next/server';

import { dashboardRecordExists, resolveContentRoute } from '@/data/routes';
import { getViewerForRequest } from '@/data/viewer';
import { loadProjectActionIds, refuseActionRequest } from '@/lib/action-requests';
import { buildContentSecurityPolicy, createNonce } from '@/lib/csp';
import { isDatabaseUnavailable } from '@/lib/database-errors';
import { dashboardCapability, dashboardRecordOf, isDashboardPath } from '@/lib/dashboard-access';
import { env } from '@/lib/env';
import { parseLivePage } from '@/lib/live-pages';
import { can } from '@/lib/permissions';
import { MALFORMED, parseContentRoute } from '@/lib/public-routes';

/** Auth.js's session cookie (plain or __Secure-, possibly split into .0, .1 chunks). */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * The project's action ids, read once from this instance's build (lib/action-requests.ts). `next dev` has no final
 * build to read them from (its manifest grows as routes compile), so there every server reference stays callable.
 */
let projectActions: ReadonlySet<string> | null | undefined;
function allowedActions(): ReadonlySet<string> | null {
  projectActions ??= env().NODE_ENV === 'production' ? loadProjectActionIds(env().NEXT_DIST_DIR) : null;
  return projectActions;
}

/**
 * Four jobs, none of them authorisation (pages, actions and data functions check the viewer themselves):
 * 1. A fresh CSP nonce per request. Next reads it from the request's CSP header while rendering and stamps its own
 *    scripts with it; the same policy goes back to the browser.
 * 2. The status code of content URLs. With Cache Components a page's response has begun before the page runs, so
 *    a missing story can only be a real 404 (and a moved one a real 308) if it is decided here (docs/adr/0001).
 * 3. The dashboard's status codes, for the same reason (docs/adr/0006).
 * 4. Server-action posts that are not the site's own actions, come from another site, or are too large or malformed
 *    to read get a 4xx before anything else (docs/adr/0019): Next would call any server reference, or answer 500.
 */
export async function proxy(request: NextRequest) {
  const refusal = await refuseActionRequest(request, allowedActions(), env().SITE_URL);
  if (refusal) {
    return plainAnswer(refusal.status, refusal.message);
  }
  try {
    return await route(request);
  } catch (error) {
    // The database has just gone away (the front answers 503 itself once its watch notices): say so, not 500.
    if (!isDatabaseUnavailable(error)) throw error;
    return plainAnswer(503, 'The site cannot show this page just now. Please try again in a few seconds.', { 'Retry-After': '5' });
  }
}

/** Next's own answer for an action that is not available here: the marker makes Next's client and forwarder treat it so. */
function actionUnavailable(): NextResponse {
  return plainAnswer(404, 'Server Action unavailable.', { 'x-nextjs-action-not-found': '1' });
}

/** An answer the proxy gives itself: one plain sentence, never stored. */
function plainAnswer(status: number, message: string, headers: Record<string, string> = {}): NextResponse {
  return new NextResponse(message, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** Pages only a signed-in reader has (the dashboard is handled with its capabilities below). */
const SIGNED_IN_PAGES = new Set(['/account', '/account/delete']);

function redirectToSignIn(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const login = new URL('/login', request.url);
  login.searchParams.set('callbackUrl', `${pathname}${search}`);
  return NextResponse.redirect(login, 307);
}

async function route(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Anonymous visitors to the dashboard go to sign-in; anyone without the area's capability, or asking for a record
  // that is not there for them, gets a real 404.
  let status: 200 | 404 = 200;
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  const hasSession = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  // The account's own pages, read without any session: sign-in at once, as a real redirect. Decided in the page
  // (viewerOrRedirect) it comes after the answer has begun, which needs JavaScript to be followed.
  if (isRead && !hasSession && SIGNED_IN_PAGES.has(pathname)) return redirectToSignIn(request);
  if (isDashboardPath(pathname)) {
    const viewer = hasSession ? await getViewerForRequest(request) : null;
    // A server action called by someone who may not use this area is not there for them, wherever it was posted
    // (Next forwards an action posted to another page here, and passes this marker on as its own 4xx).
    const isActionCall = request.method === 'POST' && request.headers.has('next-action');
    if (isActionCall && (!viewer || !can(viewer, dashboardCapability(pathname)))) return actionUnavailable();
    if (!viewer) return redirectToSignIn(request);
    if (!can(viewer, dashboardCapability(pathname))) status = 404;
    else if (isRead) {
      // Page loads only: a server action posted from a page whose record has just gone (a deleted story's autosave)
      // must reach its action, which answers with a message of its own.
      const record = dashboardRecordOf(pathname);
      if (record === 'malformed' || (record && !(await dashboardRecordExists(viewer, record)))) status = 404;
    }
  }

  const nonce = createNonce();
  const policy = buildContentSecurityPolicy(nonce, {
    isDev: env().NODE_ENV === 'development',
    upgradeInsecure: env().SITE_URL.startsWith('https://'),
  });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);

  const path = isRead ? parseContentRoute(pathname) : null;
  // An article's address with a live blog's page of entries (?lpage=): a page past the last is a 404 too.
  const route = path && path !== MALFORMED && path.kind === 'article' ? { ...path, livePage: parseLivePage(Object.fromEntries(request.nextUrl.searchParams)) } : path;
  if (route === MALFORMED) {
    status = 404;
  } else if (route) {
    const resolution = await resolveContentRoute(route);
    if (resolution.status === 'moved') {
      return NextResponse.redirect(new URL(resolution.location, request.url), 308);
    }
    if (resolution.status === 'not-found') status = 404;
  }

  // Next's own not-found route answers 404 before anything is streamed; the address bar keeps the URL asked for.
  const response =
    status === 404
      ? NextResponse.rewrite(new URL('/_not-found', request.url), { request: { headers } })
      : NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    // Prefetches too: they must get the same status codes (a dashboard page a reader may not see is a 404) and a
    // policy of their own.
    '/((?!_next/static|_next/image|media/|favicon.ico|api/).*)',
  ],
};
