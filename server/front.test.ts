import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import cacheHandler, { invalidateTags } from './cache-handler.mjs';
import { DatabaseWatch } from './database-watch';
import { pageScript } from './lean-page';
import { createFront, microCacheExpiry } from './front';
import { MISSING_PAGE_MS, PageRenderer } from './page-render';
import { PageStore } from './page-store';

/**
 * The front against real HTTP on loopback and the real PostgreSQL of the test run. Next itself is stood in for by
 * a small handler that behaves as our pages do: a fresh nonce per render in the policy and on every script, and
 * data read through the 'use cache' handler (so the page learns its tags).
 */
type Stand = { renders: number; status: number; personal: string | null; delayMs: number; tag: string; failing: boolean };
const stand: Stand = { renders: 0, status: 200, personal: null, delayMs: 0, tag: 'article:1', failing: false };

async function nextStandIn(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  stand.renders++;
  if (stand.delayMs) await new Promise((resolve) => setTimeout(resolve, stand.delayMs));
  const key = `data:${stand.tag}:${randomBytes(4).toString('hex')}`;
  const bytes = new TextEncoder().encode('story');
  await cacheHandler.set(key, Promise.resolve({ value: new Blob([bytes]).stream(), tags: [stand.tag], stale: 300, timestamp: Date.now(), expire: 3600, revalidate: 900 }));
  const nonce = randomBytes(16).toString('base64');
  const viewer = req.headers.cookie ? 'Signed in as Ada' : 'Sign in';
  if (req.url === '/moved') {
    res.writeHead(308, { Location: `https://${req.headers.host}/politics` }).end();
    return;
  }
  res.statusCode = stand.status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', `script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'nonce-${nonce}'`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // As Next does when a page throws after its response has begun: the error boundary, with status 200.
  const failure = stand.failing ? '<div role="alert" data-error-page="true">Something went wrong</div>' : '';
  res.end(`<!doctype html><html><head><script nonce="${nonce}">1</script></head><body>${failure}<p>${viewer}</p><p>${'Council news. '.repeat(300)}</p><script nonce="${nonce}" src="/_next/static/a.js"></script></body></html>`);
}

let server: http.Server;
let base: string;
let renderer: PageRenderer;
let watch: DatabaseWatch;

beforeAll(async () => {
  renderer = new PageRenderer(nextStandIn, new URL('https://news.example'));
  await renderer.listen();
  watch = new DatabaseWatch({ url: process.env.DATABASE_URL!, intervalMs: 60_000 });
  expect(await watch.check()).toBe(true);
  const front = createFront({ handle: nextStandIn, renderer, store: new PageStore(64 * 1024 * 1024), watch });
  server = http.createServer((req, res) => void front(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await renderer.close();
  await watch.stop();
});

afterEach(() => {
  Object.assign(stand, { status: 200, personal: null, delayMs: 0, tag: 'article:1', failing: false });
});

const path = () => `/politics/story-${randomBytes(4).toString('hex')}`;
const nonceOf = (response: Response) => response.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1];

describe('the page cache in front of Next', () => {
  it('renders a page once, then answers from memory with a nonce of its own each time', async () => {
    const url = base + path();
    const before = stand.renders;
    const first = await fetch(url);
    const second = await fetch(url);
    const third = await fetch(url);
    expect([first.headers.get('x-cache'), second.headers.get('x-cache'), third.headers.get('x-cache')]).toEqual(['MISS', 'HIT', 'HIT']);
    expect(stand.renders - before).toBe(1);

    const nonces = [nonceOf(first), nonceOf(second), nonceOf(third)];
    expect(new Set(nonces).size).toBe(3);
    const body = await second.text();
    const scriptNonces = [...body.matchAll(/<script nonce="([^"]+)"/g)].map((match) => match[1]);
    // Stored without the framework's scripts (docs/adr/0032): the one script left is the page script, under this
    // response's nonce.
    expect(scriptNonces).toEqual([nonces[1]]);
    expect(body).not.toContain('/_next/static/a.js');
    expect(body).toContain(`<script nonce="${nonces[1]}">${pageScript()!}</script></body>`);
    expect(second.headers.get('cache-control')).toMatch(/^public, .*s-maxage=\d+.*stale-while-revalidate=\d+.*stale-if-error=\d+/);
    expect(second.headers.get('vary')).toBe('Cookie, Accept-Encoding');
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    // nginx in front keeps it until the end of the second it was sent in, and not after.
    const keptUntil = Number(/^@(\d+)$/.exec(second.headers.get('x-accel-expires') ?? '')?.[1]);
    expect(Math.abs(keptUntil * 1000 - Date.now())).toBeLessThan(2000);
  });

  it('renders once for readers arriving together on a cold page', async () => {
    const url = base + path();
    stand.delayMs = 100;
    const before = stand.renders;
    const responses = await Promise.all(Array.from({ length: 12 }, () => fetch(url)));
    expect(stand.renders - before).toBe(1);
    const nonces = await Promise.all(responses.map(async (response) => (await response.text(), nonceOf(response))));
    expect(new Set(nonces).size).toBe(12);
  });

  it('renders for a signed-in reader every time, and never stores what it saw', async () => {
    const url = base + path();
    await fetch(url);
    const before = stand.renders;
    const signedIn = await fetch(url, { headers: { cookie: 'authjs.session-token=abc' } });
    expect(await signedIn.text()).toContain('Signed in as Ada');
    expect(signedIn.headers.get('x-cache')).toBeNull();
    expect(stand.renders - before).toBe(1);
    const anonymous = await fetch(url);
    expect(anonymous.headers.get('x-cache')).toBe('HIT');
    expect(await anonymous.text()).not.toContain('Ada');
  });

  it('renders as nobody: cookies and the sender’s Host never reach a stored page', async () => {
    const url = base + path();
    const first = await fetch(url, { headers: { cookie: 'authjs.csrf-token=abc' } });
    expect(await first.text()).toContain('Sign in');
    const moved = await fetch(`${base}/moved`, { redirect: 'manual', headers: { 'x-forwarded-host': 'evil.example' } });
    expect(moved.status).toBe(308);
    expect(moved.headers.get('location')).toBe('/politics');
  });

  it('renders again after a tag the page read is invalidated, and not before', async () => {
    stand.tag = `article:${randomBytes(3).toString('hex')}`;
    const url = base + path();
    await fetch(url);
    invalidateTags(['article:unrelated']);
    expect((await fetch(url)).headers.get('x-cache')).toBe('HIT');
    invalidateTags([stand.tag]);
    expect((await fetch(url)).headers.get('x-cache')).toBe('MISS');
    expect((await fetch(url)).headers.get('x-cache')).toBe('HIT');
    // Every page also goes with the story lists.
    invalidateTags(['articles']);
    expect((await fetch(url)).headers.get('x-cache')).toBe('MISS');
  });

  it("keeps a 404 for a live blog's page of entries for seconds only: the next entry may make that page", async () => {
    stand.status = 404;
    const story = base + path();
    const missing = `${story}?lpage=2`;
    expect((await fetch(missing)).status).toBe(404);
    expect((await fetch(missing)).headers.get('x-cache')).toBe('HIT');
    // The story's own 404 is kept as long as any page (its address is in its tags).
    await fetch(story);
    await new Promise((resolve) => setTimeout(resolve, MISSING_PAGE_MS + 200));
    expect((await fetch(missing)).headers.get('x-cache')).toBe('MISS');
    expect((await fetch(story)).headers.get('x-cache')).toBe('HIT');
  });

  it('answers 304 to a matching If-None-Match, without a policy that would not match the stored body', async () => {
    const url = base + path();
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy')).toBeNull();
    expect((await fetch(url, { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(200);
  });

  it('sends gzip when asked, HEAD without a body', async () => {
    const url = base + path();
    await fetch(url);
    const raw = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(url, { headers: { 'accept-encoding': 'gzip, br' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(raw.headers['content-encoding']).toBe('gzip');
    const html = zlib.gunzipSync(raw.body).toString();
    const nonce = String(raw.headers['content-security-policy']).match(/'nonce-([^']+)'/)![1]!;
    expect(html).toContain(`<script nonce="${nonce}">`);

    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('tries a failed render once more: a passing fault (a connection the pool had lost) costs a moment, not an error', async () => {
    const url = base + path();
    stand.failing = true;
    const before = stand.renders;
    setTimeout(() => {
      stand.failing = false;
    }, 100);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cache')).toBe('MISS');
    expect(stand.renders - before).toBe(2);
  });

  it('never stores an error page: the last good page instead, or the error as a 500 nobody may keep', async () => {
    const url = base + path();
    stand.failing = true;
    const before = stand.renders;
    const broken = await fetch(url);
    expect(stand.renders - before).toBe(2);
    expect(broken.status).toBe(500);
    expect(broken.headers.get('cache-control')).toBe('private, no-store');
    expect(broken.headers.get('x-accel-expires')).toBeNull();
    expect(broken.headers.get('x-cache')).toBe('BYPASS');
    stand.failing = false;
    expect((await fetch(url)).headers.get('x-cache')).toBe('MISS');

    invalidateTags([stand.tag]);
    stand.failing = true;
    const stale = await fetch(url);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-cache')).toBe('STALE');
    expect(await stale.text()).not.toContain('Something went wrong');
  });

  it('keeps serving stored pages when the database is down, and answers 503 at once for the rest', async () => {
    const cached = base + path();
    await fetch(cached);
    invalidateTags([stand.tag]);
    stand.status = 500;
    const down = new DatabaseWatch({ url: 'postgres://postgres@127.0.0.1:1/none', intervalMs: 60_000, downIntervalMs: 60_000 });
    const front = createFront({ handle: nextStandIn, renderer, store: new PageStore(1024 * 1024), watch: down });
    const local = http.createServer((req, res) => void front(req, res));
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const localBase = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
    try {
      // Before rendering, the front makes sure the database answered lately: here it does not.
      const cold = await fetch(localBase + path());
      expect(cold.status).toBe(503);
      expect(cold.headers.get('retry-after')).toBe('5');
      expect(down.isDown).toBe(true);

      const started = performance.now();
      const search = await fetch(`${localBase}/search?q=council`);
      expect(search.status).toBe(503);
      expect(performance.now() - started).toBeLessThan(1000);
      // The build's files need no database: they still go to Next (here answering 500), never the 503.
      const file = await fetch(`${localBase}/_next/static/a.js`);
      expect(file.status).toBe(500);
      expect(file.headers.get('retry-after')).toBeNull();
    } finally {
      await new Promise((resolve) => local.close(resolve));
      await down.stop();
    }

    // A page stored while the database answered is served stale, even invalidated, once it does not.
    const store = new PageStore(1024 * 1024);
    stand.status = 200;
    const page = path();
    const filling = createFront({ handle: nextStandIn, renderer, store, watch });
    const brokenWatch = new DatabaseWatch({ url: 'postgres://postgres@127.0.0.1:1/none', intervalMs: 60_000, downIntervalMs: 60_000 });
    const front2 = createFront({ handle: nextStandIn, renderer, store, watch: brokenWatch });
    const local2 = http.createServer((req, res) => void (req.headers['x-fill'] ? filling(req, res) : front2(req, res)));
    await new Promise<void>((resolve) => local2.listen(0, '127.0.0.1', resolve));
    const base2 = `http://127.0.0.1:${(local2.address() as AddressInfo).port}`;
    try {
      expect((await fetch(base2 + page, { headers: { 'x-fill': '1' } })).headers.get('x-cache')).toBe('MISS');
      invalidateTags(['articles']);
      stand.status = 500;
      const stale = await fetch(base2 + page);
      expect(stale.status).toBe(200);
      expect(stale.headers.get('x-cache')).toBe('STALE');
      expect(nonceOf(stale)).toBeTruthy();
    } finally {
      await new Promise((resolve) => local2.close(resolve));
      await brokenWatch.stop();
    }
  });
});

describe('the micro-cache lifetime for nginx', () => {
  it('is the end of the current second, whatever the milliseconds', () => {
    expect(microCacheExpiry(1_796_140_800_000)).toBe('@1796140800');
    expect(microCacheExpiry(1_796_140_800_999)).toBe('@1796140800');
  });
});
