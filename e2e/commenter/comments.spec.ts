import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { registerReader } from '../support/desk';
import { signIn, signInAs } from '../support/sign-in';

const story = `/${fixture.politics.slug}/${fixture.lead.slug}`;


test('an anonymous reader sees the thread and a sign-in link that comes back to the story', async ({ page }) => {
  await page.goto(story);
  const comments = page.getByRole('region', { name: /Comments/ });
  await expect(comments).toHaveAttribute('data-nosnippet', '');
  await expect(comments.getByRole('textbox')).toHaveCount(0);
  await comments.getByRole('link', { name: 'Sign in to comment' }).click();
  await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(`${story}#comments`)}`);
});

test('a trusted reader comments and replies; markup stays text and links are ugc', async ({ page }) => {
  // Through the real form, back to the story (the other journeys of this reader start from the stored session).
  await signIn(page, fixture.commenter, story);
  const marker = randomBytes(3).toString('hex');
  const comments = page.getByRole('region', { name: /Comments/ });
  await comments.getByLabel('Your comment', { exact: true }).fill(`Good piece ${marker} <script>window.__commentInjected=1</script> see https://example.org/more.`);
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await expect(comments.getByRole('status')).toHaveText('Your comment has been posted.');
  // The box is emptied for the next comment, and its counter with it.
  await expect(comments.getByLabel('Your comment', { exact: true })).toHaveValue('');
  await expect(page.locator('#comment-body-new-count')).toHaveText('0 / 5,000');
  const mine = comments.getByRole('listitem').filter({ hasText: `Good piece ${marker}` }).first();
  await expect(mine).toContainText('<script>window.__commentInjected=1</script>');
  await expect(mine.getByRole('link', { name: 'https://example.org/more' })).toHaveAttribute('rel', 'ugc nofollow noopener');
  expect(await page.evaluate(() => (window as unknown as { __commentInjected?: number }).__commentInjected)).toBeUndefined();

  await mine.getByText('Reply', { exact: true }).click();
  await mine.getByLabel(`Reply to ${fixture.commenter.name}`).fill(`A reply ${marker}`);
  await mine.getByRole('button', { name: 'Post reply' }).click();
  await expect(page.locator('.comment__replies .comment__body').getByText(`A reply ${marker}`)).toBeVisible();

  // Everyone sees it, signed in or not.
  const anonymous = await page.context().browser()!.newPage();
  await anonymous.goto(story);
  await expect(anonymous.getByText(`Good piece ${marker}`)).toBeVisible();
  await anonymous.close();
});

test('a new account’s first comment waits for moderation and is visible to nobody else', async ({ page, browser }) => {
  const email = `newcomer-${randomBytes(4).toString('hex')}@example.org`;
  await registerReader(page, { name: 'Nina Newcomer', email, password: 'a long enough password' }, story);
  const text = `Held for review ${randomBytes(3).toString('hex')}`;
  await page.getByLabel('Your comment', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();
  const other = await browser.newPage();
  await other.goto(story);
  await expect(other.getByText(text)).toHaveCount(0);
  await other.close();
});

test('too short a comment is refused beside the field and the text is kept', async ({ page }) => {
  await signInAs(page, 'commenter', story);
  await page.getByLabel('Your comment', { exact: true }).fill('x');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Write at least 2 characters.')).toBeVisible();
  await expect(page.getByLabel('Your comment', { exact: true })).toHaveValue('x');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a comment is posted with a plain form post', async ({ page }) => {
    await signIn(page, fixture.noScriptCommenter, story);
    const text = `No-script comment ${randomBytes(3).toString('hex')}`;
    await page.getByLabel('Your comment', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Post comment' }).click();
    // Redirected back to the new comment, which is highlighted.
    await expect(page).toHaveURL(/\?comment=\d+#comment-\d+$/);
    await expect(page.locator('.comment[aria-current="true"] .comment__body')).toHaveText(text);
  });
});

test('a reader edits their comment (marked "edited") and deletes it', async ({ page }) => {
  // A second trusted reader, so this test never meets the first one's per-minute limit.
  await signIn(page, fixture.editingCommenter, story);
  const marker = randomBytes(3).toString('hex');
  await page.getByLabel('Your comment', { exact: true }).fill(`Fist draft ${marker}`);
  await page.getByRole('button', { name: 'Post comment' }).click();
  const mine = page.locator('.comment').filter({ hasText: marker }).first();
  await mine.getByText('Edit', { exact: true }).click();
  await mine.getByLabel('Edit your comment').fill(`First draft ${marker}`);
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.comment').filter({ hasText: `First draft ${marker}` }).first()).toContainText('(edited)');

  const edited = page.locator('.comment').filter({ hasText: `First draft ${marker}` }).first();
  await edited.getByText('Delete', { exact: true }).click();
  await edited.getByRole('button', { name: 'Yes, delete my comment' }).click();
  await expect(page.locator('.comment').filter({ hasText: marker })).toHaveCount(0);
});
