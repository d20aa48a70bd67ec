/**
 * The caller's address for rate limiting. The server in front of Next (server/main.ts) replaces X-Forwarded-For with
 * the one address it established: the connection's peer, or what the proxies named in TRUSTED_PROXIES report. Under
 * `next dev` it is Next's own value.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return (forwarded || 'unknown').slice(0, 64);
}
