import { expect, test, type Page } from '@playwright/test';

import { shot, shotsDir } from '../support/shots';

/**
 * Issue 10, "the footer a newspaper has": About, Contact, Privacy, Terms, Corrections policy and RSS, each a page
 * that answers 200, reached from the footer with and without JavaScript; the pages are in the sitemap.
 */

const PAGES = [
  { link: 'About', heading: 'About us', path: '/about' },
  { link: 'Contact', heading: 'Contact the newsroom', path: '/contact' },
  { link: 'Privacy', heading: 'Privacy notice', path: '/privacy' },
  { link: 'Terms', heading: 'Terms of use', path: '/terms' },
  { link: 'Corrections policy', heading: 'Corrections policy', path: '/corrections-policy' },
] as const;

const footer = (page: Page) => page.getByRole('contentinfo');

/** Follows each footer link from the front page; without JavaScript each is a full page load that must answer 200. */
async function followFooterLinks(page: Page, javaScript: boolean) {
  for (const target of PAGES) {
    await page.goto('/');
    const response = javaScript ? null : page.waitForResponse((candidate) => new URL(candidate.url()).pathname === target.path);
    await footer(page).getByRole('link', { name: target.link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${target.path}$`));
    await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible();
    if (response) expect((await response).status()).toBe(200);
  }
}

test('every footer page answers 200 and says what it should', async ({ request }) => {
  for (const target of PAGES) {
    const response = await request.get(target.path);
    expect(response.status(), target.path).toBe(200);
    expect(await response.text()).toContain(target.heading);
  }
  const privacy = await (await request.get('/privacy')).text();
  expect(privacy).toContain('cookies for signing in and nothing else');
  const feed = await request.get('/feed.xml');
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('xml');
  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const target of PAGES) expect(sitemap).toContain(`${target.path}</loc>`);
});

test('the footer links to each page and to the RSS feed (with JavaScript)', async ({ page }) => {
  test.slow();
  await page.goto('/');
  await expect(footer(page).getByRole('link', { name: 'RSS feed' })).toHaveAttribute('href', '/feed.xml');
  await followFooterLinks(page, true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the footer links reach each page', async ({ page }) => {
    test.slow();
    await followFooterLinks(page, false);
  });
});

for (const viewport of [
  { name: '390', width: 390, height: 844 },
  { name: '1366', width: 1366, height: 900 },
]) {
  test(`screenshots: the footer and a footer page (${viewport.name} px)`, async ({ page }) => {
    test.skip(!shotsDir, 'screenshots only, for a person to look at: set SHOTS_DIR');
    await page.setViewportSize(viewport);
    await page.goto('/about');
    await footer(page).scrollIntoViewIfNeeded();
    await shot(page, `footer-${viewport.name}`);
    await page.goto('/privacy');
    await shot(page, `privacy-${viewport.name}`);
  });
}
