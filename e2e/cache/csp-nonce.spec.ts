import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { cspNonce, read, readUntilHit } from '../support/page-cache';
import { signInAs } from '../support/sign-in';

/**
 * A page answered from the page cache is a stored body with a fresh nonce stamped into it per response: the
 * policy and the page's script must agree on that nonce, or the browser refuses the script. A page rendered for a
 * signed-in reader is React's, and every script of it carries the nonce.
 */

const story = `/${fixture.politics.slug}/${fixture.lead.slug}`;

/** Every `<script …>` start tag in an HTML document, with its attributes. */
function scriptTags(html: string): { tag: string; type: string | undefined; nonce: string | undefined }[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => ({
    tag,
    type: /\stype="([^"]*)"/i.exec(tag)?.[1],
    nonce: /\snonce="([^"]*)"/i.exec(tag)?.[1],
  }));
}

/** Script types the browser treats as data, not code (CSP does not apply to them). */
const DATA_BLOCK = /^application\/(ld\+)?json$/i;

/** Watches a page for CSP complaints: console messages, page errors and `securitypolicyviolation` events. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const complaints: string[] = [];
  page.on('console', (message) => {
    if (/content security policy|content-security-policy|\bCSP\b|nonce/i.test(message.text())) complaints.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => complaints.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`), true);
  });
  return async () => [...complaints, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

/** Copy link copies the story's address and says so: the page script ran. */
async function expectCopyLinkWorks(page: Page) {
  await page.getByRole('link', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(story, page.url()).href);
}

const hasNextRuntime = (page: Page) => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version === 'string');

test('a cached article: no framework runtime, one script under the response’s own nonce, no CSP complaint, and it runs', async ({ page, request, context }) => {
  // Another reader's request stores the page, with a nonce of its own.
  const earlier = await readUntilHit(request, story);
  expect(earlier.cache).toBe('HIT');
  const earlierNonce = cspNonce(earlier.response.headers());
  expect(earlierNonce).toBeTruthy();

  const complaints = await watchPolicy(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  const response = await page.goto(story);
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers['x-cache']).toBe('HIT');
  expect(headers['cache-control']).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=60, stale-if-error=86400');
  const nonce = cspNonce(headers);
  expect(nonce).toBeTruthy();
  expect(nonce).not.toBe(earlierNonce);
  expect(headers['content-security-policy']).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(headers['content-security-policy']).toContain(`style-src 'self' 'nonce-${nonce}'`);

  // The served HTML (docs/adr/0032): Next's scripts, their preloads and the React payload are gone; the one
  // executable script is the page script, with this response's nonce; the JSON-LD data blocks stay. No other nonce
  // anywhere, neither the one the page was rendered with nor the earlier reader's.
  const html = await response!.text();
  const scripts = scriptTags(html);
  const executable = scripts.filter((script) => !script.type || !DATA_BLOCK.test(script.type));
  expect(executable.map((script) => script.tag)).toEqual([`<script nonce="${nonce}">`]);
  expect(scripts.filter((script) => script.type && DATA_BLOCK.test(script.type)).length).toBeGreaterThan(0);
  for (const script of scripts) {
    if (script.type && DATA_BLOCK.test(script.type)) expect([undefined, nonce], script.tag).toContain(script.nonce);
  }
  expect(html).not.toMatch(/\/_next\/static\/[^"]*\.js|__next_f|modulepreload/);
  const nonces = new Set([...html.matchAll(/nonce(?:="|\\?":\\?")([A-Za-z0-9+/=_-]+)/g)].map((match) => match[1]));
  expect([...nonces]).toEqual([nonce]);
  expect(html).not.toContain(earlierNonce!);

  // In the DOM, after every request has settled: still that one script, and no runtime loaded behind it.
  await page.waitForLoadState('networkidle');
  const domNonces = await page
    .locator('script:not([type="application/ld+json"]):not([type="application/json"])')
    .evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(domNonces).toEqual([nonce]);
  expect(await hasNextRuntime(page)).toBe(false);

  // The page script runs: Copy link copies the story's address.
  await expectCopyLinkWorks(page);
  expect(await complaints()).toEqual([]);
});

test('the article rendered for a signed-in reader keeps React: every script has its nonce, it hydrates, and the page script runs', async ({ page, context }) => {
  await signInAs(page, 'commenter', '/');
  const complaints = await watchPolicy(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  const response = await page.goto(story);
  expect(response?.status()).toBe(200);
  expect(response!.headers()['x-cache']).toBeUndefined();
  expect(response!.headers()['cache-control']).toContain('private');
  const nonce = cspNonce(response!.headers());
  expect(nonce).toBeTruthy();
  await page.waitForLoadState('networkidle');
  const domNonces = await page
    .locator('script:not([type="application/ld+json"]):not([type="application/json"])')
    .evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(domNonces.length).toBeGreaterThan(3);
  expect(new Set(domNonces)).toEqual(new Set([nonce]));
  expect(await hasNextRuntime(page)).toBe(true);
  // The comment form is React's (it marks an enhanced post with js=1), and the page script runs from React too.
  await expect(page.locator('form input[name="js"][value="1"]').first()).toBeAttached();
  await expectCopyLinkWorks(page);
  expect(await complaints()).toEqual([]);
});

test('two cache hits of one URL: different nonces, one ETag; If-None-Match answers 304 without a policy', async ({ request }) => {
  const first = await readUntilHit(request, story);
  const second = await read(request, story);
  expect([first.cache, second.cache]).toEqual(['HIT', 'HIT']);
  const [a, b] = [cspNonce(first.response.headers()), cspNonce(second.response.headers())];
  expect(a).toBeTruthy();
  expect(b).toBeTruthy();
  expect(a).not.toBe(b);
  expect(first.body).toContain(`nonce="${a}"`);
  expect(first.body).not.toContain(b!);
  expect(second.body).toContain(`nonce="${b}"`);
  expect(second.body).not.toContain(a!);
  const etag = first.response.headers().etag;
  expect(etag).toMatch(/^W\/".+"$/);
  expect(second.response.headers().etag).toBe(etag);
  // Apart from the nonce, the two bodies are the same bytes.
  expect(second.body.replaceAll(b!, 'NONCE')).toBe(first.body.replaceAll(a!, 'NONCE'));

  const conditional = await request.get(story, { headers: { 'If-None-Match': etag! } });
  expect(conditional.status()).toBe(304);
  expect(conditional.headers()['content-security-policy']).toBeUndefined();
  expect(conditional.headers().etag).toBe(etag);
  expect((await conditional.body()).length).toBe(0);

  // A validator that does not match gets the page, with a policy and a nonce of its own.
  const other = await request.get(story, { headers: { 'If-None-Match': 'W/"something-else"' } });
  expect(other.status()).toBe(200);
  const otherNonce = cspNonce(other.headers());
  expect(otherNonce).toBeTruthy();
  expect(await other.text()).toContain(`nonce="${otherNonce}"`);
});

const routerPrefetches: Record<string, string>[] = [{ 'Next-Router-Prefetch': '1' }, { 'Next-Router-Prefetch': '1', RSC: '1' }];

test('a router prefetch of a dashboard page is never a 200 for a stranger', async ({ request }) => {
  for (const headers of routerPrefetches) {
    for (const path of ['/dashboard', '/dashboard/articles', '/dashboard/comments']) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      const label = `${path} ${JSON.stringify(headers)}`;
      expect(response.status(), label).toBe(307);
      expect(response.headers().location, label).toBe(`/login?callbackUrl=${encodeURIComponent(path)}`);
      expect(response.headers()['x-cache'], label).toBeUndefined();
    }
  }
});

test('a router prefetch of a dashboard page is a 404 with a policy for a reader', async ({ page }) => {
  await signInAs(page, 'commenter', '/');
  for (const headers of routerPrefetches) {
    for (const path of ['/dashboard', '/dashboard/articles', '/dashboard/comments', '/dashboard/people']) {
      const response = await page.request.get(path, { headers, maxRedirects: 0 });
      const label = `${path} ${JSON.stringify(headers)}`;
      expect(response.status(), label).toBe(404);
      expect(cspNonce(response.headers()), label).toBeTruthy();
      expect(response.headers()['x-cache'], label).toBeUndefined();
    }
  }
});
