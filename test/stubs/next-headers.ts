/**
 * Stand-in for next/headers in vitest: the request an action runs in, with a cookie jar that behaves like a browser's
 * (what an action sets is sent with the next request), so Auth.js's real sign-in, auth() and sign-out run against it.
 * Test files that need it say `vi.mock('next/headers', () => import('@/test/stubs/next-headers'))`.
 */

/** The browser's cookies, by name: tests read them, and put an old session cookie back to replay it. */
export const cookieJar = new Map<string, string>();
let requestHeaders: Record<string, string> = {};

/** A new browser: no cookies, and these request headers (a client address of its own, for the sign-in throttle). */
export function newBrowser(values: Record<string, string> = {}): void {
  cookieJar.clear();
  requestHeaders = { host: 'localhost:3000', 'x-forwarded-proto': 'http', ...values };
}

export async function headers(): Promise<Headers> {
  const cookie = [...cookieJar].map(([name, value]) => `${name}=${value}`).join('; ');
  return new Headers({ ...requestHeaders, ...(cookie ? { cookie } : {}) });
}

export async function cookies() {
  return {
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
    set(name: string, value: string, options: { maxAge?: number; expires?: Date } = {}) {
      const expired = options.maxAge === 0 || (options.expires !== undefined && options.expires.getTime() <= Date.now());
      if (expired || value === '') cookieJar.delete(name);
      else cookieJar.set(name, value);
    },
    delete: (name: string) => void cookieJar.delete(name),
  };
}
