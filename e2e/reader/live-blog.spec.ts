import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { createLiveBlog } from '../support/live-blogs';

/** Live blogs as readers see them (docs/adr/0026). Entries posted by an editor are the editor journey's. */

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a running live blog is complete and paginated: newest first, key events linked across pages', async ({ page, baseURL }) => {
    const blog = await createLiveBlog(baseURL!, { entries: 23 });
    await page.goto(blog.path);
    const live = page.getByRole('region', { name: /Latest updates/ });
    await expect(live).toBeVisible();
    const entries = live.locator('[data-live-entries] > article');
    await expect(entries).toHaveCount(20);
    await expect(entries.first()).toContainText('Update number 23');
    await expect(entries.last()).toContainText('Update number 4');

    // The oldest entries are on page 2; the key event (the first entry) links there.
    const keyEvents = page.getByRole('navigation', { name: 'Key events' });
    await keyEvents.getByRole('link', { name: /Storm warning issued/ }).click();
    await expect(page).toHaveURL(/\?lpage=2#entry-\d+$/);
    await expect(page.locator('[data-live-entries] > article')).toHaveCount(3);
    await expect(page.getByText('Page 2 of 2')).toBeVisible();
    await page.getByRole('link', { name: 'Newer entries' }).click();
    await expect(page.getByText('Page 1 of 2')).toBeVisible();

    // The story's feed carries its entries, newest first.
    const feed = await page.request.get(`${blog.path}/feed.xml`);
    expect(feed.status()).toBe(200);
    const xml = await feed.text();
    expect(xml.indexOf('Update number 23')).toBeGreaterThan(0);
    expect(xml.indexOf('Update number 23')).toBeLessThan(xml.indexOf('Storm warning issued'));
  });

  test('a page of entries past the last, or of a story that is not a live blog, is not found (404)', async ({ page, baseURL }) => {
    const blog = await createLiveBlog(baseURL!, { entries: 3 });
    expect((await page.request.get(`${blog.path}?lpage=9`)).status()).toBe(404);
    expect((await page.request.get(`${blog.path}?lpage=2`)).status()).toBe(404);
    expect((await page.request.get(`/${fixture.politics.slug}/${fixture.lead.slug}?lpage=2`)).status()).toBe(404);
    // The first page, and a query that is no page number, are the story itself.
    expect((await page.request.get(`${blog.path}?lpage=1`)).status()).toBe(200);
    expect((await page.request.get(`${blog.path}?lpage=x`)).status()).toBe(200);
  });

  test('a closed live blog reads as an article: its coverage ended, no live label, JSON-LD with the coverage end', async ({ page, baseURL }) => {
    const blog = await createLiveBlog(baseURL!, { entries: 3, closed: true });
    await page.goto(blog.path);
    await expect(page.getByRole('heading', { level: 1, name: blog.headline })).toBeVisible();
    await expect(page.getByText('This live blog has ended.')).toBeVisible();
    await expect(page.getByRole('heading', { name: /Latest updates/ })).toHaveCount(0);
    await expect(page.locator('[data-live-entries] > article')).toHaveCount(3);
    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
    const posting = jsonLd.map((text) => JSON.parse(text) as Record<string, unknown>).find((data) => data['@type'] === 'LiveBlogPosting');
    expect(posting).toMatchObject({ coverageStartTime: expect.any(String), coverageEndTime: expect.any(String) });
    expect((posting!.liveBlogUpdate as unknown[]).length).toBe(3);
  });
});

test('with JavaScript, a running live blog listens for entries; its JSON-LD has no coverage end yet', async ({ page, baseURL }) => {
  const blog = await createLiveBlog(baseURL!, { entries: 2 });
  const stream = page.waitForResponse((response) => response.url().includes(`/api/live/${blog.id}`));
  await page.goto(blog.path);
  const response = await stream;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/event-stream');
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
  const posting = jsonLd.map((text) => JSON.parse(text) as Record<string, unknown>).find((data) => data['@type'] === 'LiveBlogPosting');
  expect(posting).toMatchObject({ coverageStartTime: expect.any(String) });
  expect(posting).not.toHaveProperty('coverageEndTime');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a running live blog with a pinned entry and key events has no serious or critical axe violations (${scheme})`, async ({ page, baseURL }) => {
    const blog = await createLiveBlog(baseURL!, { entries: 4, pinLatest: true });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(blog.path);
    await expect(page.locator('[data-live-pinned] > article')).toContainText('Update number 4');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
