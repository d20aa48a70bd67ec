import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';

test('pages carry a nonce-based CSP, nosniff and a referrer policy, and no x-powered-by', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(`/${fixture.politics.slug}/${fixture.lead.slug}`);
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();

  // Every executable script carries this request's nonce (JSON-LD data blocks are not executed; a cached page has
  // one script, the page script: docs/adr/0032), and the page loads without CSP errors.
  const scriptNonces = await page.locator('script:not([type="application/ld+json"])').evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(scriptNonces.every((value) => value === nonce)).toBe(true);
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);

  const second = await page.request.get(`/${fixture.politics.slug}/${fixture.lead.slug}`);
  expect(/'nonce-([^']+)'/.exec(second.headers()['content-security-policy'] ?? '')?.[1]).not.toBe(nonce);
});

test('the health check answers 200 with JSON while the database is up', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' });
});
