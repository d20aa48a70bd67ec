import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';

/** Parses XML in the browser; returns the parse error, if any, and a summary of the document. */
async function parseXml(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    return {
      error,
      root: doc.documentElement.nodeName,
      itemTitles: [...doc.querySelectorAll('item > title')].map((node) => node.textContent),
      locs: [...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')].map((node) => node.textContent),
      newsTitles: [...doc.getElementsByTagNameNS('http://www.google.com/schemas/sitemap-news/0.9', 'title')].map((node) => node.textContent),
    };
  }, xml);
}

test('a reader searches from the masthead and opens a result', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('search', { name: 'Site search' });
  await search.getByRole('searchbox', { name: 'Search stories' }).fill('flood wall vote');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=flood\+wall\+vote/);
  await expect(page.getByRole('heading', { level: 2, name: /results? for “flood wall vote”/ })).toBeVisible();
  await expect(page.locator('mark').first()).toBeVisible();
  await expect(page.getByText(fixture.scheduled.headline)).toHaveCount(0);
  await page.getByRole('link', { name: fixture.lead.headline }).click();
  await expect(page.getByRole('heading', { level: 1, name: fixture.lead.headline })).toBeVisible();
});

test('search filters narrow the results, and hostile input is shown as text', async ({ page }) => {
  await page.goto(`/search?q=briefing&section=${fixture.world.slug}`);
  await expect(page.getByRole('heading', { level: 2, name: /results for “briefing”/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'World briefing number 1', exact: true })).toBeVisible();
  await page.goto(`/search?q=briefing&section=${fixture.politics.slug}`);
  await expect(page.getByRole('heading', { level: 2, name: /No results/ })).toBeVisible();

  const hostile = '"><script>window.__searchInjected=1</script> -- \' or 1=1';
  const response = await page.goto(`/search?q=${encodeURIComponent(hostile)}`);
  expect(response?.status()).toBe(200);
  expect(await page.evaluate(() => (window as unknown as { __searchInjected?: number }).__searchInjected)).toBeUndefined();
  await expect(page.getByRole('searchbox', { name: 'Search for' })).toHaveValue(hostile);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
});

test('the feeds are valid RSS with the newest stories', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', /\/feed\.xml$/);
  for (const [path, expected] of [
    ['/feed.xml', fixture.lead.headline],
    [`/${fixture.politics.slug}/feed.xml`, fixture.lead.headline],
    [`/tag/${fixture.rareTag.slug}/feed.xml`, fixture.related.headline],
    [`/author/${fixture.grace.slug}/feed.xml`, 'World briefing number 1'],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type']).toContain('xml');
    const parsed = await parseXml(page, await response.text());
    expect(parsed.error, path).toBeNull();
    expect(parsed.root).toBe('rss');
    expect(parsed.itemTitles).toContain(expected);
    expect(parsed.itemTitles).not.toContain(fixture.scheduled.headline);
  }
  expect((await request.get('/no-such-section/feed.xml')).status()).toBe(404);
});

test('the sitemaps and robots.txt are valid and complete', async ({ page, request }) => {
  const sitemap = await parseXml(page, await (await request.get('/sitemap.xml')).text());
  expect(sitemap.error).toBeNull();
  const paths = sitemap.locs.map((loc) => new URL(loc ?? '').pathname);
  expect(paths).toEqual(
    expect.arrayContaining(['/', `/${fixture.politics.slug}`, `/${fixture.politics.slug}/${fixture.lead.slug}`, `/tag/${fixture.rareTag.slug}`, `/author/${fixture.ada.slug}`]),
  );
  expect(paths).not.toContain(`/${fixture.politics.slug}/${fixture.scheduled.slug}`);

  const news = await parseXml(page, await (await request.get('/sitemaps/news.xml')).text());
  expect(news.error).toBeNull();
  expect(news.newsTitles).toContain(fixture.lead.headline);
  expect(news.newsTitles).not.toContain(fixture.old.headline);

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Disallow: \/dashboard/);
  expect(robots).toMatch(/Disallow: \/api\//);
  expect(robots).toMatch(/Disallow: \/search/);
  expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
  expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemaps\/news\.xml/);
});

test('an article carries canonical, Open Graph and JSON-LD metadata that match the page', async ({ page, request }) => {
  await page.goto(`/${fixture.politics.slug}/${fixture.lead.slug}`);
  const head = page.locator('head');
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/${fixture.politics.slug}/${fixture.lead.slug}$`));
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(head.locator('meta[property="article:published_time"]')).toHaveAttribute('content', /^\d{4}-/);
  await expect(head.locator('meta[property="article:section"]')).toHaveAttribute('content', fixture.politics.name);
  await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const ogImage = await head.locator('meta[property="og:image"]').first().getAttribute('content');
  const image = await request.get(new URL(ogImage ?? '').pathname + new URL(ogImage ?? '').search);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');

  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const data = blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
  const article = data.find((item) => String(item['@type']).endsWith('NewsArticle'));
  expect(article).toMatchObject({ headline: fixture.lead.headline, articleSection: fixture.politics.name, isAccessibleForFree: true });
  expect((article?.author as { name: string }[]).map((author) => author.name)).toEqual([fixture.ada.name, fixture.grace.name]);
  const breadcrumb = data.find((item) => item['@type'] === 'BreadcrumbList') as { itemListElement: { name: string }[] };
  const visible = await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').allTextContents();
  expect(breadcrumb.itemListElement.map((item) => item.name).slice(0, visible.length)).toEqual(visible);
});

test('paginated lists link their neighbours', async ({ page }) => {
  await page.goto(`/${fixture.world.slug}/page/2`);
  await expect(page.locator('head link[rel="prev"]')).toHaveAttribute('href', `/${fixture.world.slug}`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/${fixture.world.slug}/page/2$`));
  await expect(page).toHaveTitle(/World Desk, page 2/);
});
