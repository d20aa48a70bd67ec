import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { signIn } from '../support/sign-in';

const story = `/${fixture.politics.slug}/${fixture.lead.slug}`;
const longStory = `/${fixture.politics.slug}/${fixture.related.slug}`;

const thread = (page: Page) => page.getByRole('region', { name: /Comments/ });
const commentWith = (page: Page, text: string) => thread(page).getByRole('listitem').filter({ hasText: text }).first();

async function post(page: Page, text: string) {
  await thread(page).getByLabel('Your comment', { exact: true }).fill(text);
  await thread(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(thread(page).getByRole('status')).toHaveText('Your comment has been posted.');
  await expect(commentWith(page, text)).toBeVisible();
}

test('a reader likes and un-likes a comment, and "best" puts the better-liked comment first', async ({ browser }) => {
  const marker = randomBytes(3).toString('hex');
  const authorContext = await browser.newContext();
  const author = await authorContext.newPage();
  await signIn(author, fixture.reactionAuthor, story);
  await post(author, `Older view ${marker}`);
  await post(author, `Newer view ${marker}`);
  await expect(commentWith(author, `Newer view ${marker}`).getByText('0 likes')).toBeVisible(); // no like button on one's own comment
  await authorContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, fixture.reactor, story);
  const newer = commentWith(page, `Newer view ${marker}`);
  await newer.getByRole('button', { name: 'Like (0)' }).click();
  // The count moves at once; the button stays disabled until the server has stored the like.
  await expect(newer.getByRole('button', { name: 'Liked (1)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(newer.getByRole('button', { name: 'Liked (1)' })).toBeEnabled();
  await page.reload();
  await expect(commentWith(page, `Newer view ${marker}`).getByRole('button', { name: 'Liked (1)' })).toBeVisible();

  const order = async () => {
    const texts = await thread(page).locator('.comments__list > .comment .comment__body').allInnerTexts();
    return texts.filter((text) => text.includes(marker));
  };
  expect(await order()).toEqual([`Older view ${marker}`, `Newer view ${marker}`]);
  await thread(page).getByRole('navigation', { name: 'Sort comments' }).getByRole('link', { name: 'Best' }).click();
  await expect(page).toHaveURL(/\?sort=best#comments$/);
  await expect(thread(page).getByRole('link', { name: 'Best' })).toHaveAttribute('aria-current', 'true');
  expect(await order()).toEqual([`Newer view ${marker}`, `Older view ${marker}`]);

  // Undo: the like goes, and stays gone.
  await commentWith(page, `Newer view ${marker}`).getByRole('button', { name: 'Liked (1)' }).click();
  await expect(commentWith(page, `Newer view ${marker}`).getByRole('button', { name: 'Like (0)' })).toBeEnabled();
  await page.reload();
  await expect(commentWith(page, `Newer view ${marker}`).getByRole('button', { name: 'Like (0)' })).toBeVisible();
  await context.close();
});

test('likes work without JavaScript too', async ({ browser }) => {
  const marker = randomBytes(3).toString('hex');
  const authorContext = await browser.newContext();
  const author = await authorContext.newPage();
  await signIn(author, fixture.plainLikeAuthor, story);
  await post(author, `Plain form ${marker}`);
  await authorContext.close();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/login?callbackUrl=${encodeURIComponent(story)}`);
  await page.getByLabel('E-mail address').fill(fixture.reactor.email);
  await page.getByLabel('Password').fill(fixture.reactor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.goto(story);
  await commentWith(page, `Plain form ${marker}`).getByRole('button', { name: 'Like (0)' }).click();
  await expect(page).toHaveURL(/\?comment=\d+#comment-\d+$/);
  await expect(commentWith(page, `Plain form ${marker}`).getByRole('button', { name: 'Liked (1)' })).toBeVisible();
  await context.close();
});

test('a reader reports a comment with a reason, once', async ({ browser }) => {
  const marker = randomBytes(3).toString('hex');
  const authorContext = await browser.newContext();
  const author = await authorContext.newPage();
  await signIn(author, fixture.reportAuthor, story);
  await post(author, `Buy cheap watches ${marker}`);
  await authorContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, fixture.reactor, story);
  const target = commentWith(page, `Buy cheap watches ${marker}`);
  await target.getByText('Report', { exact: true }).click();
  // No reason chosen: the browser's own check stops it, so submit the form's reason through the label.
  await target.getByRole('radio', { name: 'Spam or advertising' }).check();
  await target.getByLabel('Anything the moderators should know? (optional)').fill('Same advert under every story.');
  await target.getByRole('button', { name: 'Send report' }).click();
  await expect(target.getByRole('status')).toHaveText('Thank you. A moderator will look at this comment.');
  await page.reload();
  await expect(commentWith(page, `Buy cheap watches ${marker}`).getByText('Reported', { exact: true })).toBeVisible();
  await expect(commentWith(page, `Buy cheap watches ${marker}`).getByText('Report', { exact: true })).toHaveCount(0);
  await context.close();
});

test('a long thread pages, and a permalink opens the page that holds the comment and highlights it', async ({ page }) => {
  await page.goto(longStory);
  const comments = thread(page);
  await expect(comments.locator('.comments__list > .comment')).toHaveCount(20);
  await expect(comments.getByText('Page 1 of 2')).toBeVisible();
  await comments.getByRole('link', { name: 'More comments' }).click();
  await expect(page).toHaveURL(/\?cpage=2#comments$/);
  await expect(comments.locator('.comments__list > .comment')).toHaveCount(fixture.longThread - 20);

  const last = commentWith(page, `Long thread comment number ${fixture.longThread}.`);
  const permalink = await last.getByRole('link', { name: /Link to this comment/ }).getAttribute('href');
  expect(permalink).toMatch(/\?comment=\d+#comment-\d+$/);

  // From the plain article URL (page 1), the permalink still finds page 2.
  await page.goto(permalink!);
  const focused = page.locator('.comment[aria-current="true"]');
  await expect(focused).toHaveCount(1);
  await expect(focused).toContainText(`Long thread comment number ${fixture.longThread}.`);
  await expect(comments.getByText('Page 2 of 2')).toBeVisible();
});
