import { randomBytes } from 'node:crypto';

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { registerReader, type Account } from '../support/desk';
import { read } from '../support/page-cache';

/**
 * Issue 10, bug 7: a new reader's comment that waits for a moderator stays where they posted it, marked as awaiting
 * moderation and visible to them alone, with JavaScript and without, and after a reload; the same text posted again
 * is refused with a message and kept in the box. Every journey registers a reader of its own (their first comments
 * are held), so no other journey sees these comments or meets their per-minute limit.
 */

const story = `/${fixture.politics.slug}/${fixture.lead.slug}`;
/** Its discussion runs to two pages (fixture.longThread comments by fixture.commenter, oldest first). */
const longStory = `/${fixture.politics.slug}/${fixture.related.slug}`;

const HELD_NOTICE = 'Thank you. Your comment is awaiting moderation: only you can see it until a moderator approves it.';
const DUPLICATE = 'You have just posted this same comment, so it was not posted again. Your text is kept below if you want to change it.';

const thread = (page: Page) => page.getByRole('region', { name: /Comments/ });
const commentBox = (page: Page) => thread(page).getByLabel('Your comment', { exact: true });
const heldComment = (page: Page, text: string) => thread(page).locator('.comment--pending').filter({ hasText: text });

function newReader(name: string): Account {
  const marker = randomBytes(4).toString('hex');
  return { name: `${name} ${marker}`, email: `held-${marker}@example.org`, password: 'a long enough password' };
}

/** The reader's own held comment: once, with their name, its text and the mark that only they can see it. */
async function expectHeld(page: Page, text: string, author: Account) {
  const held = heldComment(page, text);
  await expect(held).toHaveCount(1);
  await expect(held.locator('.comment__body')).toHaveText(text);
  await expect(held.locator('.comment__meta')).toContainText(author.name);
  await expect(held.locator('.status-badge')).toHaveText('Awaiting moderation');
  await expect(held).toContainText('Only you can see this until a moderator approves it.');
  // Nowhere else in the thread: not a second time, not as a published comment.
  await expect(thread(page).locator('.comment__body').filter({ hasText: text })).toHaveCount(1);
}

/**
 * An anonymous reader (no cookies at all) of each address gets none of it, whether the page was rendered just now or
 * served by the page cache: the X-Cache header is only reported, never relied on.
 */
async function expectHiddenFromAnonymous(request: APIRequestContext, paths: string[], secrets: string[]) {
  expect((await request.storageState()).cookies.filter((cookie) => cookie.name.includes('authjs'))).toEqual([]);
  for (const path of paths) {
    for (let round = 1; round <= 2; round++) {
      const { response, body, cache } = await read(request, path);
      expect(response.status(), `${path} (X-Cache: ${cache})`).toBe(200);
      expect(body, `${path} is the story (X-Cache: ${cache})`).toContain('id="comments"');
      for (const secret of [...secrets, 'Awaiting moderation', 'Only you can see this']) {
        expect(body, `the anonymous ${path}, read ${round} (X-Cache: ${cache}), contains "${secret}"`).not.toContain(secret);
      }
    }
  }
}

test('with JavaScript, a held comment stays in place for its author, marked, also after a reload; the same text again is refused and kept', async ({ page, request }) => {
  // Registration, two posts, two reloads and two anonymous reads.
  test.setTimeout(60_000);
  const reader = newReader('Hana Held');
  await registerReader(page, reader, story);
  // The form is hydrated (it carries js=1): this is the enhanced post, not the plain one.
  await expect(page.locator('#comments > form.comment-form input[name="js"]')).toHaveCount(1);
  const text = `Held with scripts ${randomBytes(3).toString('hex')}`;
  await commentBox(page).fill(text);
  await thread(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(thread(page).getByRole('status')).toHaveText(HELD_NOTICE);
  // No navigation: the comment appears on the page it was posted from, the box is emptied.
  await expect(page).toHaveURL(story);
  await expectHeld(page, text, reader);
  await expect(commentBox(page)).toHaveValue('');

  await page.reload();
  await expectHeld(page, text, reader);

  await expectHiddenFromAnonymous(request, [story], [text, reader.name]);

  // The same text again (a second click, a second tab): refused beside the form, the text kept, nothing added.
  await commentBox(page).fill(text);
  await thread(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(thread(page).getByRole('alert')).toHaveText(DUPLICATE);
  await expect(commentBox(page)).toHaveValue(text);
  await expect(thread(page).getByRole('status')).toHaveCount(0);
  await expectHeld(page, text, reader);
  await page.reload();
  await expectHeld(page, text, reader);
});

test('without JavaScript, a held comment and a held reply are where the post lands, marked, also after a reload; the same text again is not stored twice', async ({ browser, request }) => {
  // Registration, three posts, a dozen signed-in pages and eight anonymous reads.
  test.setTimeout(90_000);
  // Registering is not what this journey is about: do it with scripts, then read and post without.
  const reader = newReader('Noor Held');
  const registration = await browser.newContext();
  await registerReader(await registration.newPage(), reader, story);
  const storageState = await registration.storageState();
  await registration.close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState });
  const page = await context.newPage();

  await page.goto(story);
  await expect(page.getByText('Signed in as')).toBeVisible();
  const text = `Held without scripts ${randomBytes(3).toString('hex')}`;
  await commentBox(page).fill(text);
  await thread(page).getByRole('button', { name: 'Post comment' }).click();
  // A plain form post: redirected back to the story, at the held comment, which is highlighted.
  await expect(page).toHaveURL(/\?comment=\d+#comment-\d+$/);
  const landed = new URL(page.url());
  expect(landed.pathname).toBe(story);
  const id = landed.searchParams.get('comment');
  expect(landed.hash).toBe(`#comment-${id}`);
  const focused = page.locator('.comment[aria-current="true"]');
  await expect(focused).toHaveCount(1);
  await expect(focused).toHaveAttribute('id', `comment-${id}`);
  await expect(focused).toHaveClass(/comment--pending/);
  await expectHeld(page, text, reader);

  await page.reload();
  await expectHeld(page, text, reader);
  await page.goto(story);
  await expectHeld(page, text, reader);

  // The same text again is not stored a second time. (Without JavaScript no refusal is shown beside the form yet,
  // for any refusal: the action's state does not reach the page Next renders after a plain form post. Known, and
  // left for the issue that gives every action one shape; the journey with JavaScript checks the message.)
  await commentBox(page).fill(text);
  await thread(page).getByRole('button', { name: 'Post comment' }).click();
  await page.goto(story);
  await expectHeld(page, text, reader);

  // A held reply to a comment on the second page of a long thread: the post lands on that page, at the reply,
  // which hangs under the comment it answers.
  const parentText = `Long thread comment number ${fixture.longThread}.`;
  const parent = (on: Page) => thread(on).locator('.comment').filter({ hasText: parentText }).first();
  await page.goto(`${longStory}?cpage=2#comments`);
  await parent(page).getByText('Reply', { exact: true }).click();
  const replyText = `A held reply without scripts ${randomBytes(3).toString('hex')}`;
  await parent(page).getByLabel(`Reply to ${fixture.commenter.name}`).fill(replyText);
  await parent(page).getByRole('button', { name: 'Post reply' }).click();
  await expect(page).toHaveURL(/\?comment=\d+#comment-\d+$/);
  const replyUrl = new URL(page.url());
  expect(replyUrl.pathname).toBe(longStory);
  await expect(thread(page).getByText('Page 2 of 2')).toBeVisible();
  await expect(focused).toHaveCount(1);
  await expect(focused).toHaveAttribute('id', `comment-${replyUrl.searchParams.get('comment')}`);
  await expect(focused.locator('.comment__body')).toHaveText(replyText);
  await expect(parent(page).locator('.comment__replies .comment--pending')).toHaveCount(1);
  await expectHeld(page, replyText, reader);
  await page.reload();
  await expectHeld(page, replyText, reader);

  await context.close();

  await expectHiddenFromAnonymous(
    request,
    [story, `${story}${landed.search}`, `${longStory}?cpage=2`, `${longStory}${replyUrl.search}`],
    [text, replyText, reader.name],
  );
});
