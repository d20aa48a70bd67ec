import http from 'node:http';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/**
 * One plain HTTP/1.1 request, headers exactly as given (unlike fetch: no Accept-Encoding, no decompression, no
 * redirects followed), so that what is measured is what a client asked for.
 */
export function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, timeout: options.timeoutMs ?? 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer within ${options.timeoutMs ?? 30_000} ms`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** `name=value` pairs of a response's Set-Cookie headers, merged into `jar`. */
export function keepCookies(jar: Map<string, string>, reply: Reply): void {
  for (const line of reply.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    if (at > 0) jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
}

export const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/**
 * Signs in with e-mail and password through Auth.js's credentials callback (the CSRF token from /api/auth/csrf,
 * its cookie kept) and returns the Cookie header of the session.
 */
export async function signInWithCredentials(origin: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await request(`${origin}/api/auth/csrf`);
  keepCookies(jar, csrf);
  const { csrfToken } = JSON.parse(csrf.body.toString('utf8')) as { csrfToken: string };
  const answer = await request(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/` }).toString(),
  });
  keepCookies(jar, answer);
  if (![...jar.keys()].some((name) => /^(?:__Secure-)?authjs\.session-token/.test(name))) {
    throw new Error(`signing in as ${email} gave no session cookie (HTTP ${answer.status}, Location ${answer.headers.location ?? 'none'})`);
  }
  return cookieHeader(jar);
}
