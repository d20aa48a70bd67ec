import { expect, test, type Browser, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';

/**
 * An anonymous story page (public, cacheable, no unload handlers) is kept in the browser's back/forward cache: going
 * back shows the very same document again, without a request.
 *
 * Playwright starts Chromium with --disable-back-forward-cache (so that a goBack() always makes a request it can
 * intercept); with that switch nothing is ever restored and notRestoredReasons is null. These journeys launch their
 * own Chromium without that one switch, otherwise exactly as the project configures it.
 */

const story = `/${fixture.politics.slug}/${fixture.lead.slug}`;

type Restoration = { persisted: boolean[]; marker: string | undefined; navigationType: string; notRestoredReasons: unknown };

async function openStory(page: Page): Promise<string> {
  await page.addInitScript(() => {
    const seen: boolean[] = [];
    (window as unknown as { __pageshows: boolean[] }).__pageshows = seen;
    window.addEventListener('pageshow', (event) => seen.push(event.persisted));
  });
  const beacon = page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/views');
  const response = await page.goto(story);
  expect(response?.status()).toBe(200);
  // An anonymous reader's story: the page cache's public copy, which a browser may keep.
  expect(response?.headers()['x-cache']).toMatch(/^(HIT|MISS)$/);
  expect(response?.headers()['cache-control']).not.toContain('no-store');
  // Its script runs (it counted the view: docs/adr/0032, no framework runtime on this page), then the page is
  // marked: only the very same document still has the marker after going back.
  await beacon;
  await page.waitForLoadState('networkidle');
  const marker = `kept-${Date.now()}`;
  await page.evaluate((value) => ((window as unknown as { __marker: string }).__marker = value), marker);
  return marker;
}

async function goBackAndInspect(page: Page): Promise<Restoration> {
  // A page restored from the back/forward cache fires pageshow, not load.
  await page.goBack({ waitUntil: 'commit' });
  await expect(page).toHaveURL(story);
  await page.waitForFunction(() => document.readyState === 'complete' && (window as unknown as { __pageshows?: boolean[] }).__pageshows?.length);
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming & { notRestoredReasons?: unknown };
    return {
      persisted: [...(window as unknown as { __pageshows: boolean[] }).__pageshows],
      marker: (window as unknown as { __marker?: string }).__marker,
      navigationType: navigation.type,
      notRestoredReasons: navigation.notRestoredReasons ?? null,
    };
  });
}

function expectRestored(restoration: Restoration, marker: string) {
  // On failure the message carries Chromium's own reasons.
  const reasons = JSON.stringify(restoration.notRestoredReasons);
  expect(restoration.persisted, `not restored from the back/forward cache: ${reasons}`).toEqual([false, true]);
  expect(restoration.marker, reasons).toBe(marker);
}

test.describe('the back/forward cache', () => {
  let browser: Browser;

  test.beforeAll(async ({ playwright, launchOptions }) => {
    browser = await playwright.chromium.launch({ ...launchOptions, ignoreDefaultArgs: ['--disable-back-forward-cache'] });
  });
  test.afterAll(async () => {
    await browser?.close();
  });

  test('an anonymous story comes back from the back/forward cache after following a link', async ({ baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const marker = await openStory(page);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Status' }).click();
    await expect(page).toHaveURL('/api/health');
    expectRestored(await goBackAndInspect(page), marker);
    await context.close();
  });

  test('an anonymous story comes back from the back/forward cache after a search', async ({ baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const marker = await openStory(page);
    await page.getByRole('search', { name: 'Site search' }).getByRole('searchbox').fill('harbour');
    await page.getByRole('search', { name: 'Site search' }).getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL('/search?q=harbour');
    await expect(page.getByRole('link', { name: fixture.lead.headline }).first()).toBeVisible();
    expectRestored(await goBackAndInspect(page), marker);
    await context.close();
  });
});
