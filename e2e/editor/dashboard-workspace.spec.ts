import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { deleteStory, publishStory, registerReader, type Account } from '../support/desk';
import { shot } from '../support/shots';
import { signIn, signInAs } from '../support/sign-in';

/**
 * Issue 10, "the dashboard is its own workspace": no public masthead and section menu above the dashboard (a compact
 * header of its own instead), while public pages and the 404 page keep theirs; the 404 page has a title of its own;
 * moderation rows show the comment a reply answers and put the likely decision first. Screenshots at 1366 and 390 px
 * go to SHOTS_DIR when it is set.
 */

const SCREENS = [
  { name: '1366', width: 1366, height: 900 },
  { name: '390', width: 390, height: 844 },
] as const;

/**
 * The skip link on screen leads to the one visible <main>. (After a client navigation Next keeps the previous route's
 * tree hidden in the document: each area's <main> has an id of its own, so the link never finds a hidden one.)
 */
async function expectSkipLinkToMain(page: Page, label: string) {
  const skip = page.locator('a.skip-link:visible');
  await expect(skip, label).toHaveCount(1);
  const target = (await skip.getAttribute('href'))!;
  await expect(page.locator(`main${target}:visible`), label).toHaveCount(1);
  const ids = await page.locator('main').evaluateAll((mains) => mains.map((main) => main.id));
  expect(new Set(ids).size, `${label}: every <main> has an id of its own (${ids.join(', ')})`).toBe(ids.length);
}

/** No sideways scrolling of the page itself. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page does not scroll sideways').toBeLessThanOrEqual(0);
}

test('the dashboard has a compact header of its own, not the public masthead and section menu; public pages keep theirs', async ({ page }) => {
  // Through the real form (the other editor journeys start from the stored session, signInAs).
  await signIn(page, fixture.staff.editor, '/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Newsroom' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await expect(page.getByRole('search', { name: 'Site search' })).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'The Daily Ledger' })).toHaveAttribute('href', '/');
  await expect(header.getByText('Signed in as')).toContainText(fixture.staff.editor.name);
  await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Dashboard' })).toBeVisible();
  // It costs a line, not the masthead's 165 px.
  expect((await header.boundingBox())!.height).toBeLessThan(70);
  // The skip link still lands on the page's main content.
  await expectSkipLinkToMain(page, '/dashboard');

  // The account area stands for the sign-in pages' frame: /login itself sends a signed-in editor on (a redirect made
  // while the page streams, so its frame could be read just before it went).
  for (const path of ['/', `/${fixture.politics.slug}`, '/account', '/search?q=budget']) {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: 'Sections' }), path).toBeVisible();
    await expect(page.getByRole('search', { name: 'Site search' }), path).toBeVisible();
    await expect(page.getByRole('contentinfo'), path).toBeVisible();
    await expectSkipLinkToMain(page, path);
  }
});

test('the 404 page keeps the public masthead and footer and has a title of its own', async ({ page }) => {
  for (const path of ['/no-such-page-at-all', `/${fixture.politics.slug}/no-such-story`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle('Page not found | The Daily Ledger');
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
  }
});

test('a reply in the moderation queue shows the comment it answers; the likely decision comes first', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const marker = randomBytes(3).toString('hex');
  const story = `/${fixture.politics.slug}/${fixture.budget.slug}`;
  const account: Account = { name: `Rhys Replies ${marker}`, email: `reply-${marker}@example.org`, password: 'a long enough password' };
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await registerReader(them, account, story);
  const parent = them.getByRole('region', { name: /Comments/ }).getByRole('listitem').filter({ hasText: 'An earlier, approved comment.' }).first();
  await parent.getByText('Reply', { exact: true }).click();
  const reply = `I disagree about the libraries ${marker}`;
  await parent.getByLabel(`Reply to ${fixture.commenter.name}`).fill(reply);
  await parent.getByRole('button', { name: 'Post reply' }).click();
  await expect(them.getByText('awaiting moderation').first()).toBeVisible();
  await theirs.close();

  await signInAs(page, 'editor', '/dashboard/comments');
  const row = page.getByRole('main').locator('li.moderation-item:visible').filter({ hasText: reply });
  const context = row.locator('blockquote');
  await expect(context).toContainText(`In reply to ${fixture.commenter.name}`);
  await expect(context).toContainText('An earlier, approved comment.');
  // Approve first, Reject next; the rest folded under More actions.
  const actions = row.locator('.moderation-item__actions');
  await expect(actions.locator(':scope > *').first()).toHaveText('Approve');
  await expect(actions.locator(':scope > *').nth(1)).toHaveText('Reject…');
  await expect(row.getByRole('link', { name: 'Delete…' })).toBeHidden();
  await expect(row.getByRole('button', { name: 'Close comments on this story' })).toBeHidden();
  await row.getByText('More actions', { exact: true }).click();
  await expect(row.getByRole('link', { name: 'Delete…' })).toBeVisible();
  await expect(row.getByRole('link', { name: `Ban ${account.name}…` })).toBeVisible();

  // On a phone the row's decisions fit the screen, each a comfortable target.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await row.scrollIntoViewIfNeeded();
  await expectNoSidewaysScroll(page);
  for (const control of [row.getByRole('button', { name: 'Approve' }), row.getByRole('link', { name: 'Reject…' }), row.getByText('More actions', { exact: true })]) {
    const box = (await control.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.height).toBeGreaterThanOrEqual(43.5);
  }

  // Tidy up: the reply is rejected (through its confirmation).
  await row.getByRole('link', { name: 'Reject…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, reject' }).click();
  await expect(page.getByRole('status')).toHaveText('The comment was rejected.');
});

for (const screen of SCREENS) {
  test(`dashboard home, a story workspace, the moderation queue and its confirmations fit the screen (${screen.name} px)`, async ({ page, browser }) => {
    test.setTimeout(180_000);
    const marker = randomBytes(3).toString('hex');
    // Something in the queue: a new reader's held comment.
    const theirs = await browser.newContext();
    const them = await theirs.newPage();
    const story = `/${fixture.politics.slug}/${fixture.budget.slug}`;
    await registerReader(them, { name: `Sam Screens ${marker}`, email: `shots-${marker}@example.org`, password: 'a long enough password' }, story);
    const thread = them.getByRole('region', { name: /Comments/ });
    await thread.getByLabel('Your comment', { exact: true }).fill(`The library hours matter more than the budget line suggests ${marker}.`);
    await thread.getByRole('button', { name: 'Post comment' }).click();
    await expect(thread.getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();
    await theirs.close();

    await page.setViewportSize({ width: screen.width, height: screen.height });
    await signInAs(page, 'editor', '/dashboard');
    await expectNoSidewaysScroll(page);
    await shot(page, `dashboard-home-${screen.name}`);

    const published = await publishStory(page, `Harbour lights ${marker}`);
    await page.goto(published.editorPath);
    await expectNoSidewaysScroll(page);
    await shot(page, `story-workspace-${screen.name}`);
    await page.getByRole('link', { name: 'Unpublish…' }).scrollIntoViewIfNeeded();
    await shot(page, `story-danger-zone-${screen.name}`);
    await page.getByRole('link', { name: 'Unpublish…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot(page, `confirm-unpublish-${screen.name}`);
    await page.getByRole('dialog').getByRole('link', { name: 'Cancel' }).click();

    await page.goto('/dashboard/comments');
    await expectNoSidewaysScroll(page);
    await shot(page, `moderation-queue-${screen.name}`);
    const row = page.getByRole('main').locator('li.moderation-item:visible').filter({ hasText: `Sam Screens ${marker}` });
    await row.getByRole('link', { name: 'Reject…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot(page, `confirm-reject-${screen.name}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, reject' }).click();
    await expect(page.getByRole('status')).toHaveText('The comment was rejected.');

    // Without JavaScript the confirmation is part of the page.
    const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), viewport: { width: screen.width, height: screen.height } });
    const plainPage = await plain.newPage();
    await plainPage.goto(`${published.editorPath}?confirm=unpublish#confirm`);
    await expect(plainPage.getByRole('dialog')).toBeVisible();
    await shot(plainPage, `confirm-unpublish-no-js-${screen.name}`);
    await plain.close();

    await deleteStory(page, published);
  });
}
