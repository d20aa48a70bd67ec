import { randomBytes } from 'node:crypto';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { shot, shotsDir } from '../support/shots';
import { signIn } from '../support/sign-in';

/**
 * Issue 10, "readers on a phone", measured at 390 × 844: the masthead took 440 px before the first headline; the
 * section row scrolled sideways with nothing to say so; related stories came after the whole comment thread;
 * Reply, Report, Edit and Delete were small text links; a liked comment's count was grey on a light button in dark
 * mode. Also screenshots of the front page and a story with comments at 390 and 1366 px, light and dark.
 */

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };
const story = `/${fixture.politics.slug}/${fixture.budget.slug}`;
const thread = (page: Page) => page.getByRole('region', { name: /Comments/ });

async function box(locator: Locator) {
  const measured = await locator.boundingBox();
  expect(measured, `${locator} is laid out`).not.toBeNull();
  return measured!;
}

async function expectTouchSized(locator: Locator, what: string) {
  const { width, height } = await box(locator);
  expect(width, `${what} is ${width} px wide`).toBeGreaterThanOrEqual(44);
  expect(height, `${what} is ${height} px tall`).toBeGreaterThanOrEqual(44);
}

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('the masthead is short: the first headline is on the first screen, well above 440 px', async ({ page }) => {
    await page.goto('/');
    const masthead = await box(page.getByRole('banner'));
    expect(masthead.y + masthead.height, 'the masthead ends').toBeLessThanOrEqual(140);
    const lead = await box(page.getByRole('region', { name: 'Top stories' }).getByRole('heading', { level: 2 }).first());
    expect(lead.y, 'the lead story’s headline starts').toBeLessThanOrEqual(440);
    await shot(page, 'front-390');

    await page.goto(story);
    const headline = await box(page.getByRole('heading', { level: 1, name: fixture.budget.headline }));
    expect(headline.y, 'a story’s headline starts').toBeLessThanOrEqual(200);
    // Search and the account stay one tap away.
    await expectTouchSized(page.getByRole('banner').getByRole('link', { name: 'Search', exact: true }), 'Search');
    await expectTouchSized(page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }), 'Sign in');
  });

  test('the section row shows there is more: a fade at its edge and a Sections menu listing them all', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const row = nav.getByRole('list').first();
    expect(await row.evaluate((element) => getComputedStyle(element).maskImage)).toContain('linear-gradient');
    expect(await row.evaluate((element) => getComputedStyle(element).overflowX)).toBe('auto');
    const menu = nav.locator('summary', { hasText: 'Sections' });
    await expectTouchSized(menu, 'the Sections menu');
    await menu.click();
    const list = nav.locator('details[open] ul');
    await expect(list.getByRole('link', { name: fixture.world.name })).toBeVisible();
    await expect(list.getByRole('link', { name: fixture.desk.name })).toBeVisible();
    await expectTouchSized(list.getByRole('link', { name: fixture.world.name }), 'a section in the menu');
    await shot(page, 'sections-menu-390');
    await list.getByRole('link', { name: fixture.world.name }).click();
    await expect(page).toHaveURL(new RegExp(`/${fixture.world.slug}$`));
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the Sections menu opens and leads to a section', async ({ page }) => {
      await page.goto('/');
      const nav = page.getByRole('navigation', { name: 'Sections' });
      await nav.locator('summary', { hasText: 'Sections' }).click();
      await nav.locator('details[open] ul').getByRole('link', { name: fixture.desk.name }).click();
      await expect(page).toHaveURL(new RegExp(`/${fixture.desk.slug}$`));
      await expect(page.getByRole('heading', { level: 1, name: fixture.desk.name })).toBeVisible();
    });
  });

  test('related stories come before the comments', async ({ page }) => {
    await page.goto(story);
    const related = await box(page.getByRole('heading', { name: 'Related stories' }));
    const comments = await box(page.getByRole('heading', { level: 2, name: /^Comments/ }));
    const share = await box(page.getByRole('heading', { name: /Share/ }).first());
    expect(related.y, 'Related stories come after the story').toBeGreaterThan(share.y);
    expect(related.y, 'Related stories come before the comments').toBeLessThan(comments.y);
  });
});

test('on a laptop, related stories stand beside the story and the comments follow the story', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await page.goto(story);
  const article = await box(page.getByRole('article'));
  const related = await box(page.getByRole('heading', { name: 'Related stories' }));
  const comments = await box(page.getByRole('heading', { level: 2, name: /^Comments/ }));
  expect(related.x, 'Related stories are to the right of the story').toBeGreaterThanOrEqual(article.x + article.width);
  expect(related.y, 'and start near its top').toBeLessThan(article.y + 400);
  expect(comments.y, 'the comments follow the story').toBeGreaterThanOrEqual(article.y + article.height);
  expect(comments.x, 'in the story’s column').toBeLessThan(related.x);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a story with comments: every comment control is a button of at least 44 × 44 px, and like counts are readable (${scheme})`, async ({ page }) => {
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize(PHONE);
    await signIn(page, fixture.phoneReader, story);
    // Signed in, the name and Sign out take a row of their own: still well under 440 px.
    expect((await box(page.getByRole('banner'))).height, 'the signed-in masthead').toBeLessThanOrEqual(200);
    const marker = randomBytes(3).toString('hex');
    await thread(page).getByLabel('Your comment', { exact: true }).fill(`Seen on a phone ${marker}`);
    await thread(page).getByRole('button', { name: 'Post comment' }).click();
    const mine = thread(page).locator('.comment').filter({ hasText: marker }).first();
    await expect(mine).toBeVisible();
    for (const name of ['Edit', 'Delete', 'Reply']) await expectTouchSized(mine.locator('summary', { hasText: name }).first(), `${name} on my comment`);

    const theirs = thread(page).locator('.comment').filter({ hasText: 'An earlier, approved comment.' }).first();
    const like = theirs.getByRole('button', { name: /^Like/ });
    await expectTouchSized(like, 'Like');
    for (const name of ['Report', 'Reply']) await expectTouchSized(theirs.locator('details > summary', { hasText: name }).first(), `${name} on another's comment`);
    // The summaries are the native disclosure buttons: focusable, and Enter opens them.
    const reply = theirs.locator(':scope > details > summary', { hasText: 'Reply' });
    await reply.focus();
    await page.keyboard.press('Enter');
    await expect(theirs.getByLabel(/^Reply to /)).toBeVisible();
    await page.keyboard.press('Enter');

    // A liked comment: the pressed button's count must stay readable (it was grey on the filled button).
    await like.click();
    await expect(theirs.getByRole('button', { name: /^Liked/ })).toHaveAttribute('aria-pressed', 'true');
    await mine.scrollIntoViewIfNeeded();
    await theirs.scrollIntoViewIfNeeded();
    const contrast = await new AxeBuilder({ page }).include('#comments').withRules(['color-contrast']).analyze();
    expect(contrast.violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`))).toEqual([]);
    await shot(page, `article-comments-390-${scheme}`);
    await page.setViewportSize(LAPTOP);
    await theirs.scrollIntoViewIfNeeded();
    await shot(page, `article-comments-1366-${scheme}`);

    // Leave the thread as it was.
    await theirs.getByRole('button', { name: /^Liked/ }).click();
    await expect(theirs.getByRole('button', { name: /^Like/ })).toHaveAttribute('aria-pressed', 'false');
    await mine.locator('summary', { hasText: 'Delete' }).first().click();
    await mine.getByRole('button', { name: 'Yes, delete my comment' }).click();
    await expect(thread(page).locator('.comment').filter({ hasText: marker })).toHaveCount(0);
  });
}

test('screenshots: the front page and a story at 1366 px', async ({ page }) => {
  test.skip(!shotsDir, 'screenshots only, for a person to look at: set SHOTS_DIR');
  test.slow();
  await page.setViewportSize(LAPTOP);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await shot(page, `front-1366-${scheme}`);
    await page.goto(story);
    await shot(page, `article-1366-${scheme}`);
  }
  await page.setViewportSize(PHONE);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await shot(page, 'front-390-dark');
});
