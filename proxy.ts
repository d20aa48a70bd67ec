import { NextResponse, type NextRequest } from 'next/server';

import { buildContentSecurityPolicy, createNonce } from '@/lib/csp';
import { env } from '@/lib/env';

/**
 * Gives every page request a fresh CSP nonce. Next reads the nonce from the request's CSP header while it renders
 * and puts it on its own scripts; the same policy goes back to the browser. (Authorisation never happens here.)
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy(nonce, {
    isDev: env().NODE_ENV === 'development',
    upgradeInsecure: env().SITE_URL.startsWith('https://'),
  });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|media/|favicon.ico|api/health).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
