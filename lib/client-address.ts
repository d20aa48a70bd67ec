/**
 * The caller's address for rate limiting: the first X-Forwarded-For hop (set by Next's own server, or by the proxy in
 * front of it), else X-Real-IP. Behind an untrusted proxy this can be forged, which is why sign-in is also limited
 * per account.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return (forwarded || headers.get('x-real-ip') || 'unknown').slice(0, 64);
}
