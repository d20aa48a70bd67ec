import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { measureChange, readUntilHit } from '../support/page-cache';
import { shot } from '../support/shots';
import { signInAs } from '../support/sign-in';

/**
 * The front-page desk (docs/adr/0013): editors pin the lead and top stories, feature stories on a section front and
 * put up a breaking-news banner; readers (anonymous, so served from the page cache) see each change within 1 s.
 * Each journey takes down what it put up, so the reader journeys find the front as seeded.
 */

const desk = (page: Page) => page.getByRole('region', { name: /front$/i }).or(page.getByRole('region', { name: 'The front page' }));
const pinned = (page: Page) => page.getByRole('list', { name: /^Pinned on/ });

/** An anonymous reader's page (no cookie: the cached copy every reader gets). */
async function asReader(browser: Browser, javaScriptEnabled = true): Promise<{ reader: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ javaScriptEnabled });
  const reader = await context.newPage();
  return { reader, close: () => context.close() };
}

/** Takes every story off the chosen front and the banner down (the journeys' clean-up, through the desk itself). */
async function clearDesk(page: Page, front: string) {
  await page.goto(`/dashboard/front?front=${front}`);
  const rows = pinned(page).getByRole('listitem');
  // One at a time, each confirmed by the list getting shorter (the status line says "Taken off" after the first).
  for (let remaining = await rows.count(); remaining > 0; remaining -= 1) {
    await pinned(page).getByRole('button', { name: /^Take “/ }).first().click();
    await expect(rows).toHaveCount(remaining - 1);
  }
  if ((await page.getByRole('button', { name: 'Lift the banner' }).count()) > 0) {
    await page.getByRole('button', { name: 'Lift the banner' }).click();
    await expect(page.getByRole('status')).toHaveText('The banner is down.');
  }
}

/**
 * Milliseconds from `startedAt` until an anonymous read of `path` shows the change (reads every 100 ms, as
 * e2e/cache/invalidation.spec.ts does); fails the test beyond 1 s. The page was a cache HIT before the action.
 */
async function expectWithinASecond(request: APIRequestContext, path: string, changed: (body: string) => boolean, startedAt: number) {
  const change = await measureChange(request, path, (_status, body) => changed(body), { startedAt });
  test.info().annotations.push({ type: 'invalidation', description: `${path}: ${change ? `${change.elapsedMs} ms, X-Cache ${change.cache}` : 'no change within 5 s'}` });
  expect(change, `${path}: no change within 5 s`).not.toBeNull();
  expect(change!.elapsedMs, `${path}: the change showed ${change!.elapsedMs} ms after the action`).toBeLessThan(1000);
}

/** The headline of the front page's lead, in a page's HTML. */
const leadIn = (body: string) => /aria-label="Top stories"[\s\S]*?<h2[^>]*>([\s\S]*?)<\/h2>/.exec(body)?.[1]?.replace(/<[^>]+>/g, '') ?? null;
const bannerIn = (body: string) => body.includes('aria-label="Breaking news"');

const leadHeadline = (page: Page) => page.getByRole('region', { name: 'Top stories' }).getByRole('heading', { level: 2 });

test.describe('the front-page desk', () => {
  // Each journey is several editor round trips, screenshots and its own clean-up: more than 30 s on a loaded machine.
  test.describe.configure({ timeout: 120_000 });

  test.afterEach(async ({ page }) => {
    await clearDesk(page, 'home');
  });

  test('an editor makes an old story the lead, orders the top stories, and readers see each change within a second', async ({ page, browser, request }) => {
    await signInAs(page, 'editor', '/dashboard/front');
    await expect(page.getByRole('heading', { level: 1, name: 'Front page' })).toBeVisible();
    await expect(desk(page)).toContainText('Nothing is pinned: the newest stories fill this front.');

    const { reader, close } = await asReader(browser);
    await reader.goto('/');
    await expect(leadHeadline(reader)).toHaveText(fixture.lead.headline);
    expect((await readUntilHit(request, '/')).cache).toBe('HIT');

    // Find the story from last year and make it the lead.
    await page.getByRole('searchbox', { name: 'Headline contains' }).fill('great harbour flood');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: `Make “${fixture.old.headline}” the lead` }).click();
    await expect(page.getByRole('status')).toHaveText('Pinned. Readers see the new front now.');
    await expectWithinASecond(request, '/', (body) => leadIn(body) === fixture.old.headline, Date.now());
    await expect(pinned(page).getByRole('listitem').first()).toContainText(`Lead${fixture.old.headline}`);
    await reader.goto('/');
    await expect(leadHeadline(reader)).toHaveText(fixture.old.headline);

    // A second pinned story is the first top story; then it is moved above the old one and becomes the lead.
    await page.getByRole('searchbox', { name: 'Headline contains' }).fill('libraries');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: `Pin “${fixture.budget.headline}” as a top story` }).click();
    await expect(pinned(page).getByRole('listitem').nth(1)).toContainText(`Top story 2${fixture.budget.headline}`);
    await reader.goto('/');
    await expect(reader.getByRole('region', { name: 'Top stories' }).getByRole('heading', { level: 3 }).first()).toHaveText(fixture.budget.headline);

    await page.getByRole('button', { name: `Move “${fixture.budget.headline}” up` }).click();
    await expect(page.getByRole('status')).toHaveText('Order saved. Readers see the new front now.');
    await expect(pinned(page).getByRole('listitem').first()).toContainText(fixture.budget.headline);
    await reader.goto('/');
    await expect(leadHeadline(reader)).toHaveText(fixture.budget.headline);

    // A scheduled story can be pinned ahead of its minute: the desk says readers do not see it yet.
    await page.getByRole('searchbox', { name: 'Headline contains' }).fill('Embargoed');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByRole('list', { name: 'Stories you can pin' })).toContainText('scheduled for');
    await page.getByRole('button', { name: `Pin “${fixture.scheduled.headline}” as a top story` }).click();
    await expect(pinned(page).getByRole('listitem').nth(2)).toContainText('readers do not see it here yet');
    await reader.goto('/');
    await expect(reader.getByText(fixture.scheduled.headline)).toHaveCount(0);

    // As the desk and readers see it, at a laptop's and a phone's width (screenshots when SHOTS_DIR is set).
    for (const width of [1366, 390]) {
      for (const [who, shown] of [['desk', page], ['reader', reader]] as const) {
        await shown.setViewportSize({ width, height: 900 });
        await shot(shown, `front-${who}-${width}`, { fullPage: who === 'desk' });
      }
    }

    // Taken off, the front fills by time again.
    await clearDesk(page, 'home');
    await reader.goto('/');
    await expect(leadHeadline(reader)).toHaveText(fixture.lead.headline);
    await close();
  });

  test('a breaking-news banner runs across the site, links to its story, and comes down when lifted', async ({ page, browser, request }) => {
    await signInAs(page, 'editor', '/dashboard/front');
    for (const path of ['/', `/${fixture.world.slug}`]) expect((await readUntilHit(request, path)).cache, path).toBe('HIT');
    const banner = page.getByRole('form', { name: 'Put up a breaking-news banner' });
    await banner.getByLabel('Banner text').fill('Flood walls: council vote passes 21 to 9');
    await banner.getByLabel('Links to').selectOption({ label: fixture.lead.headline });
    await banner.getByLabel('Stays up for').selectOption({ label: '1 hour' });
    await banner.getByRole('button', { name: 'Put up the banner' }).click();
    await expect(page.getByRole('status')).toHaveText('The breaking-news banner is up across the site.');
    const upAt = Date.now();
    await Promise.all(['/', `/${fixture.world.slug}`].map((path) => expectWithinASecond(request, path, bannerIn, upAt)));
    await expect(page.getByText('Live across the site:')).toBeVisible();

    const { reader, close } = await asReader(browser);
    const readerBanner = reader.getByRole('complementary', { name: 'Breaking news' });
    await reader.goto(`/${fixture.world.slug}`);
    await expect(readerBanner).toContainText('Breaking Flood walls: council vote passes 21 to 9');
    await reader.goto(`/${fixture.politics.slug}/${fixture.budget.slug}`);
    await readerBanner.getByRole('link', { name: 'Flood walls: council vote passes 21 to 9' }).click();
    await expect(reader.getByRole('heading', { level: 1, name: fixture.lead.headline })).toBeVisible();

    // The dashboard is not the public site: no banner there.
    await expect(page.getByRole('complementary', { name: 'Breaking news' })).toHaveCount(0);

    expect((await readUntilHit(request, '/')).cache).toBe('HIT');
    await page.getByRole('button', { name: 'Lift the banner' }).click();
    await expect(page.getByRole('status')).toHaveText('The banner is down.');
    await expectWithinASecond(request, '/', (body) => !bannerIn(body), Date.now());
    await close();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('an editor features a story on a section front through plain forms, and takes it off', async ({ page, browser }) => {
      await signInAs(page, 'editor', '/dashboard/front');
      await page.getByRole('combobox', { name: 'Front' }).selectOption({ label: fixture.politics.name });
      await page.getByRole('button', { name: 'Show' }).click();
      await expect(page.getByRole('heading', { level: 2, name: `${fixture.politics.name} front` })).toBeVisible();
      // Only the section's own stories are offered.
      await expect(page.getByRole('list', { name: 'Stories you can pin' })).not.toContainText(fixture.world.name);
      await page.getByRole('searchbox', { name: 'Headline contains' }).fill('great harbour');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByRole('button', { name: `Pin “${fixture.old.headline}”` }).click();
      await expect(page.getByRole('status')).toHaveText('Pinned. Readers see the new front now.');
      await expect(pinned(page).getByRole('listitem').first()).toContainText(`Feature 1${fixture.old.headline}`);

      const { reader, close } = await asReader(browser, false);
      await reader.goto(`/${fixture.politics.slug}`);
      const featured = reader.getByRole('region', { name: 'Featured' });
      await expect(featured.getByRole('heading', { level: 3, name: fixture.old.headline })).toBeVisible();
      // Not twice on the page.
      await expect(reader.getByRole('heading', { name: fixture.old.headline })).toHaveCount(1);

      await page.getByRole('button', { name: `Take “${fixture.old.headline}” off` }).click();
      await expect(page.getByRole('status')).toHaveText('Taken off. The story fills by time again.');
      await reader.goto(`/${fixture.politics.slug}`);
      await expect(reader.getByRole('region', { name: 'Featured' })).toHaveCount(0);
      await close();
    });

    test('a banner goes up and comes down through plain forms; a blank one is refused with the reason', async ({ page, browser }) => {
      await signInAs(page, 'editor', '/dashboard/front');
      const banner = page.getByRole('form', { name: 'Put up a breaking-news banner' });
      // The browser's own check is bypassed, as a hand-made request would.
      await banner.getByLabel('Banner text').evaluate((input) => input.removeAttribute('minlength'));
      await banner.getByLabel('Banner text').fill('Oops');
      await banner.getByRole('button', { name: 'Put up the banner' }).click();
      await expect(page.getByRole('alert')).toHaveText('The banner needs a headline of 5 to 140 characters and a duration. Nothing changed.');

      await banner.getByLabel('Banner text').fill('Harbour bridge closed by high winds');
      await banner.getByLabel('Stays up for').selectOption({ label: 'Until lifted' });
      await banner.getByRole('button', { name: 'Put up the banner' }).click();
      await expect(page.getByText('Stays up until lifted.')).toBeVisible();
      const { reader, close } = await asReader(browser, false);
      await reader.goto('/');
      await expect(reader.getByRole('complementary', { name: 'Breaking news' })).toHaveText('Breaking Harbour bridge closed by high winds');
      await page.getByRole('button', { name: 'Lift the banner' }).click();
      await reader.goto('/');
      await expect(reader.getByRole('complementary', { name: 'Breaking news' })).toHaveCount(0);
      await close();
    });
  });

  test('contributors cannot open the desk', async ({ page }) => {
    await signInAs(page, 'contributor', '/dashboard');
    const response = await page.goto('/dashboard/front');
    expect(response?.status()).toBe(404);
  });
});
