import { randomBytes } from 'node:crypto';

import { expect, test, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { deleteStory, publishStory, registerReader, type Account, type PublishedStory } from '../support/desk';
import { signInAs } from '../support/sign-in';

/**
 * The page cache answers anonymous readers from memory; whatever order readers arrive in, a signed-in reader's
 * page must never be stored for, nor mixed into, anybody else's. Three viewers open the same story: an anonymous
 * reader, a new reader (A) whose comment waits for moderation, and an editor (B) who commented. Before each
 * arrival order the story's thread changes (A likes or un-likes B's comment), so every round starts with the page
 * cache invalidated and the first anonymous arrival of the round is the one that fills it.
 */

type Viewer = 'anonymous' | 'reader A' | 'staff B';

const marker = randomBytes(3).toString('hex');
const readerA: Account = { name: `Avery Held ${marker}`, email: `avery-${marker}@example.org`, password: 'a long enough password' };
const staffB = fixture.staff.editor;
const heldText = `A thought for the moderators ${marker}`;
const staffText = `A note from the desk ${marker}`;

let story: PublishedStory;
let stateA: Awaited<ReturnType<BrowserContext['storageState']>>;
let stateB: Awaited<ReturnType<BrowserContext['storageState']>>;
/** Likes on B's comment, as A left them. */
let likes = { liked: false, count: 0 };

const thread = (page: Page) => page.getByRole('region', { name: /Comments/ });
const staffComment = (page: Page) => thread(page).locator('.comment').filter({ hasText: staffText }).first();
const likeCount = (count: number) => `${count} ${count === 1 ? 'like' : 'likes'}`;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signInAs(editor, 'editor', '/dashboard');
  story = await publishStory(editor, `Pier lights switched back on ${marker}`);
  // B, staff, is trusted: the comment is published at once (with a Staff badge everyone sees), and B may edit it
  // for 15 minutes, far longer than this file runs.
  await editor.goto(story.path);
  await thread(editor).getByLabel('Your comment', { exact: true }).fill(staffText);
  await thread(editor).getByRole('button', { name: 'Post comment' }).click();
  await expect(thread(editor).getByRole('status')).toHaveText('Your comment has been posted.');
  stateB = await editorContext.storageState();
  await editorContext.close();

  // A, a new account: the first comment waits for a moderator, and only A sees it.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await registerReader(reader, readerA, story.path);
  await thread(reader).getByLabel('Your comment', { exact: true }).fill(heldText);
  await thread(reader).getByRole('button', { name: 'Post comment' }).click();
  await expect(thread(reader).getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();
  stateA = await readerContext.storageState();
  await readerContext.close();
});

test.afterAll(async ({ browser }) => {
  if (!story || !stateB) return;
  const context = await browser.newContext({ storageState: stateB });
  await deleteStory(await context.newPage(), story);
  await context.close();
});

/**
 * A likes (or takes back the like on) B's comment: the action invalidates the story's thread, so the page cache
 * holds no copy of the story when the round begins.
 */
async function invalidateStory(browser: Browser): Promise<void> {
  const context = await browser.newContext({ storageState: stateA });
  const page = await context.newPage();
  await page.goto(story.path);
  const button = staffComment(page).getByRole('button', { name: /^Liked? \(\d+\)$/ });
  await expect(button).toHaveAttribute('aria-pressed', String(likes.liked));
  const next = { liked: !likes.liked, count: likes.count + (likes.liked ? -1 : 1) };
  await button.click();
  // The count moves at once; the button is enabled again once the server has stored the change.
  const after = staffComment(page).getByRole('button', { name: `${next.liked ? 'Liked' : 'Like'} (${next.count})`, exact: true });
  await expect(after).toHaveAttribute('aria-pressed', String(next.liked));
  await expect(after).toBeEnabled();
  likes = next;
  await context.close();
}

/** What every viewer sees alike: the story and B's published comment with its Staff badge. */
async function expectPublicParts(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.headline);
  await expect(staffComment(page)).toContainText(staffB.name);
  await expect(staffComment(page).locator('.comment__badge')).toHaveText('Staff');
}

function expectNotStored(viewer: Viewer, response: Response) {
  const headers = response.headers();
  expect(headers['x-cache'], `${viewer}: a signed-in page never comes from the page cache`).toBeUndefined();
  expect(headers['cache-control'], `${viewer}: a signed-in page is not for shared caches`).toMatch(/private|no-store/);
}

async function expectAnonymousView(page: Page, body: string) {
  await expectPublicParts(page);
  const masthead = page.getByRole('banner');
  await expect(masthead.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(masthead.getByText('Signed in as')).toHaveCount(0);
  await expect(thread(page).getByRole('link', { name: 'Sign in to comment' })).toBeVisible();
  await expect(thread(page).getByRole('textbox')).toHaveCount(0);
  await expect(thread(page).getByRole('button', { name: /^Liked? \(/ })).toHaveCount(0);
  await expect(staffComment(page).locator('.comment__like-count')).toHaveText(likeCount(likes.count));
  await expect(staffComment(page).getByText('Edit', { exact: true })).toHaveCount(0);
  await expect(staffComment(page).getByText('Delete', { exact: true })).toHaveCount(0);
  await expect(thread(page).locator('.comment--pending')).toHaveCount(0);
  // Nothing personal anywhere in the HTML, the React payload included.
  for (const text of [readerA.name, heldText, 'Signed in as', 'Awaiting moderation', 'Yes, delete my comment', 'Your comment']) {
    expect(body, `the anonymous page contains "${text}"`).not.toContain(text);
  }
}

async function expectReaderAView(page: Page, body: string) {
  await expectPublicParts(page);
  await expect(page.getByRole('banner').getByText('Signed in as')).toHaveText(`Signed in as ${readerA.name}`);
  await expect(thread(page).getByRole('link', { name: 'Sign in to comment' })).toHaveCount(0);
  await expect(thread(page).getByLabel('Your comment', { exact: true })).toBeVisible();
  const held = thread(page).locator('.comment--pending');
  await expect(held).toHaveCount(1);
  await expect(held).toContainText(heldText);
  await expect(held).toContainText(readerA.name);
  await expect(held).toContainText('Only you can see this until a moderator approves it.');
  // A's own like on B's comment, and no owner's links on a comment that is not A's.
  const like = staffComment(page).getByRole('button', { name: `${likes.liked ? 'Liked' : 'Like'} (${likes.count})`, exact: true });
  await expect(like).toHaveAttribute('aria-pressed', String(likes.liked));
  await expect(staffComment(page).getByText('Edit', { exact: true })).toHaveCount(0);
  await expect(staffComment(page).getByText('Delete', { exact: true })).toHaveCount(0);
  expect(body).not.toContain('Yes, delete my comment');
}

async function expectStaffBView(page: Page, body: string) {
  await expectPublicParts(page);
  await expect(page.getByRole('banner').getByText('Signed in as')).toHaveText(`Signed in as ${staffB.name}`);
  await expect(thread(page).getByRole('link', { name: 'Sign in to comment' })).toHaveCount(0);
  await expect(thread(page).getByLabel('Your comment', { exact: true })).toBeVisible();
  // B's own comment: edit and delete, no like button (one cannot like one's own comment).
  await expect(staffComment(page).getByText('Edit', { exact: true })).toBeVisible();
  await expect(staffComment(page).getByText('Delete', { exact: true })).toBeVisible();
  await expect(staffComment(page).getByRole('button', { name: /^Liked? \(/ })).toHaveCount(0);
  await expect(staffComment(page).locator('.comment__like-count')).toHaveText(likeCount(likes.count));
  // A's held comment, and A's name with it, never reach B.
  await expect(thread(page).locator('.comment--pending')).toHaveCount(0);
  for (const text of [readerA.name, heldText, 'Awaiting moderation']) {
    expect(body, `B's page contains "${text}"`).not.toContain(text);
  }
}

const viewers: Viewer[] = ['anonymous', 'reader A', 'staff B'];
const orders: Viewer[][] = viewers.flatMap((first) =>
  viewers.filter((v) => v !== first).flatMap((second) => viewers.filter((v) => v !== first && v !== second).map((third) => [first, second, third])),
);

for (const javaScriptEnabled of [true, false]) {
  for (const order of orders) {
    test(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}: ${order.join(', then ')} — each sees only their own parts`, async ({ browser }) => {
      // Three browsers, an action and four page loads.
      test.setTimeout(60_000);
      await invalidateStory(browser);
      const contexts: Record<Viewer, BrowserContext> = {
        anonymous: await browser.newContext({ javaScriptEnabled }),
        'reader A': await browser.newContext({ javaScriptEnabled, storageState: stateA }),
        'staff B': await browser.newContext({ javaScriptEnabled, storageState: stateB }),
      };
      for (const viewer of order) {
        const page = await contexts[viewer].newPage();
        const response = await page.goto(story.path);
        expect(response?.status()).toBe(200);
        const body = await response!.text();
        if (viewer === 'anonymous') {
          // The first anonymous reader of the round fills the cache, whoever came before: signed-in pages are never stored.
          expect(response!.headers()['x-cache'], 'signed-in arrivals left nothing in the page cache').toBe('MISS');
          expect(response!.headers()['cache-control']).toContain('public');
          await expectAnonymousView(page, body);
        } else {
          expectNotStored(viewer, response!);
          if (viewer === 'reader A') await expectReaderAView(page, body);
          else await expectStaffBView(page, body);
        }
      }

      // A second anonymous reader (a browser with nothing cached) gets the stored copy: still nobody's.
      const second = await browser.newContext({ javaScriptEnabled });
      const page = await second.newPage();
      const response = await page.goto(story.path);
      expect(response?.headers()['x-cache']).toBe('HIT');
      await expectAnonymousView(page, await response!.text());
      for (const context of [...Object.values(contexts), second]) await context.close();
    });
  }
}
