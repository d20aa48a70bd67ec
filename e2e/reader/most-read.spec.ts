import { expect, test, type Page, type Response } from '@playwright/test';
import postgres from 'postgres';

import { fixture } from '../fixtures/newsroom';
import { readDatabaseUrl } from '../support/database-address';
import { storedSignIn } from '../support/sign-in';

/**
 * Most read (docs/adr/0027). Every journey's browser comes from 127.0.0.1 with the same user agent: one reader, counted
 * at most once per story and hour. These present user agents of their own, one per simulated reader.
 */
const ROBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const browser = (n: number) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.${n}.0 Safari/537.36`;
const story = fixture.old;
const storyPath = `/${fixture.politics.slug}/${story.slug}`;

async function storedViews(baseURL: string, slug: string): Promise<number> {
  const sql = postgres(readDatabaseUrl(new URL(baseURL).port), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ views: number }[]>`
      select coalesce(sum(v.views), 0)::int as views from article_views v join articles a on a.id = v.article_id where a.slug = ${slug}`;
    return row?.views ?? 0;
  } finally {
    await sql.end();
  }
}

const isBeacon = (response: Response) => new URL(response.url()).pathname === '/api/views' && response.request().method() === 'POST';
const isPixel = (response: Response) => new URL(response.url()).pathname === '/api/views/pixel.gif';

/** Opens the story and returns what the front said of the view (X-View). */
async function readStory(page: Page, matches: (response: Response) => boolean = isBeacon): Promise<string | undefined> {
  const answered = page.waitForResponse(matches);
  await page.goto(storyPath);
  await expect(page.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();
  return (await answered).headers()['x-view'];
}

test('the "Most read" rail shows the most read stories on the front page and beside a story', async ({ page }) => {
  await page.goto('/');
  const rail = page.getByRole('region', { name: 'Most read' });
  await expect(rail.getByRole('link').nth(0)).toHaveText(fixture.mostRead[0].headline);
  await expect(rail.getByRole('link').nth(1)).toHaveText(fixture.mostRead[1].headline);
  await expect(rail.getByRole('link', { name: fixture.draft.headline })).toHaveCount(0);

  await rail.getByRole('link', { name: fixture.mostRead[1].headline }).click();
  await expect(page).toHaveURL(`/${fixture.world.slug}/${fixture.mostRead[1].slug}`);
  const beside = page.getByRole('region', { name: 'Most read' });
  await expect(beside.getByRole('link', { name: fixture.mostRead[0].headline })).toBeVisible();
  // Never the story the reader is on.
  await expect(beside.getByRole('link', { name: fixture.mostRead[1].headline })).toHaveCount(0);
});

test.describe.serial('counting', () => {
  test('a reader viewing a story is counted once in the hour, however often they come back', async ({ browser: chromium, baseURL }) => {
    const before = await storedViews(baseURL!, story.slug);
    const context = await chromium.newContext({ userAgent: browser(1) });
    const page = await context.newPage();
    expect(await readStory(page)).toBe('counted');
    expect(await readStory(page)).toBe('duplicate');
    // Through the section's page, the way readers arrive (a client-side navigation: the beacon fires, and is a duplicate).
    await page.goto(`/${fixture.politics.slug}`);
    const answered = page.waitForResponse(isBeacon);
    await page.getByRole('link', { name: story.headline }).first().click();
    expect((await answered).headers()['x-view']).toBe('duplicate');
    await context.close();

    // Written within a second or so, in one batch.
    await expect.poll(() => storedViews(baseURL!, story.slug)).toBe(before + 1);
  });

  test('without JavaScript the pixel counts the view', async ({ browser: chromium, baseURL }) => {
    const before = await storedViews(baseURL!, story.slug);
    const context = await chromium.newContext({ userAgent: browser(2), javaScriptEnabled: false });
    const page = await context.newPage();
    expect(await readStory(page, isPixel)).toBe('counted');
    await context.close();
    await expect.poll(() => storedViews(baseURL!, story.slug)).toBe(before + 1);
  });

  test('staff reading a story are not counted', async ({ browser: chromium, baseURL }) => {
    const before = await storedViews(baseURL!, story.slug);
    const context = await chromium.newContext({ userAgent: browser(3), storageState: storedSignIn('editor') });
    const page = await context.newPage();
    expect(await readStory(page)).toBe('staff');
    await context.close();
    // Nothing was added: a robot that runs JavaScript is not counted either.
    const robot = await chromium.newContext({ userAgent: ROBOT });
    expect(await readStory(await robot.newPage())).toBe('robot');
    await robot.close();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await storedViews(baseURL!, story.slug)).toBe(before);
  });

  test('editors see each story\'s views on the desk', async ({ browser: chromium, baseURL }) => {
    const views = await storedViews(baseURL!, story.slug);
    expect(views).toBeGreaterThanOrEqual(2);
    const context = await chromium.newContext({ storageState: storedSignIn('editor') });
    const page = await context.newPage();
    await page.goto(`/dashboard/articles?q=${encodeURIComponent(story.slug)}`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: story.headline }) });
    await expect(row.locator('.article-views')).toHaveText(`${views} (${views})`);
    await page.goto(`/dashboard/articles?q=${encodeURIComponent(fixture.mostRead[0].slug)}`);
    const read = page.getByRole('row').filter({ has: page.getByRole('link', { name: fixture.mostRead[0].headline, exact: true }) });
    await expect(read.locator('.article-views')).toHaveText(`${fixture.mostRead[0].views} (${fixture.mostRead[0].views})`);
    await context.close();
  });
});
