/**
 * Cross-site request forgery check for route handlers, which (unlike server actions) get none from Next.
 * A browser's POST carries Sec-Fetch-Site and/or Origin; both must say "this site". A request with neither is refused:
 * every browser we support sends Origin on a POST, so only scripts and very old clients are left out.
 */
export function isSameOriginRequest(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin') return false;
  const origin = headers.get('origin');
  if (origin === null) return fetchSite === 'same-origin';
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  const allowed = allowedOrigins.map((value) => new URL(value).origin);
  try {
    const url = new URL(origin);
    return allowed.includes(url.origin) || (host !== null && url.host === host);
  } catch {
    // "null" (sandboxed frames, some redirects) and anything malformed.
    return false;
  }
}
