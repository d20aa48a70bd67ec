/**
 * Where Auth.js may send a reader after signing in or out (its `redirect` callback), always at the site's public
 * address (docs/adr/0030).
 *
 * Auth.js compares the target with the address of the request it is handling, and a route handler's request names
 * Next's own listener (`http://localhost:PORT`; Next also rewrites 127.x addresses to "localhost"), not the address
 * readers use. Its default then sent a reader who followed a sign-in link to `http://localhost:PORT/`. Here a path,
 * or a URL on the site or on the listener, keeps its path and query at `siteUrl`; anything else goes to the front page.
 */
export function authRedirect(target: string, listener: string, siteUrl: string): string {
  const site = new URL(siteUrl).origin;
  let url: URL;
  try {
    url = new URL(target, site);
  } catch {
    return `${site}/`;
  }
  const onSite = url.origin === site || url.origin === new URL(listener).origin;
  if (!onSite || url.pathname.startsWith('//')) return `${site}/`;
  return `${site}${url.pathname}${url.search}${url.hash}`;
}
