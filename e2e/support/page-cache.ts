import type { APIRequestContext, APIResponse } from '@playwright/test';

/** The nonce in a Content-Security-Policy header (script-src), or undefined. */
export function cspNonce(headers: Record<string, string>): string | undefined {
  return /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1];
}

/** An anonymous GET that never reuses a body the client already holds (APIRequestContext keeps no HTTP cache). */
export async function read(request: APIRequestContext, path: string): Promise<{ response: APIResponse; body: string; cache: string | undefined }> {
  const response = await request.get(path, { maxRedirects: 0 });
  return { response, body: await response.text(), cache: response.headers()['x-cache'] };
}

/**
 * Reads `path` until the page cache answers it from memory (X-Cache: HIT), at most a few times; returns that
 * answer. A journey that later proves invalidation starts from here, so it never mistakes a cold cache for one.
 */
export async function readUntilHit(request: APIRequestContext, path: string): Promise<{ response: APIResponse; body: string; cache: string | undefined }> {
  let last = await read(request, path);
  for (let attempt = 0; attempt < 5 && last.cache !== 'HIT'; attempt++) last = await read(request, path);
  return last;
}

export type Change = { elapsedMs: number; attempts: number; cache: string | undefined; status: number } | null;

/**
 * From now, reads `path` every 100 ms until `changed(response, body)` holds; gives up after `giveUpMs` (longer than
 * the limit under test, so a slow change is measured rather than cut off). Returns when the change was first seen.
 */
export async function measureChange(
  request: APIRequestContext,
  path: string,
  changed: (status: number, body: string) => boolean,
  { startedAt = Date.now(), giveUpMs = 5_000 }: { startedAt?: number; giveUpMs?: number } = {},
): Promise<Change> {
  for (let attempts = 1; ; attempts++) {
    const tick = Date.now();
    const { response, body, cache } = await read(request, path);
    if (changed(response.status(), body)) return { elapsedMs: Date.now() - startedAt, attempts, cache, status: response.status() };
    if (Date.now() - startedAt > giveUpMs) return null;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - tick))));
  }
}
