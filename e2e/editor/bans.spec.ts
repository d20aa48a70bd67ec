import { randomBytes } from 'node:crypto';

import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { registerReader, type Account } from '../support/desk';
import { read } from '../support/page-cache';
import { signInAs } from '../support/sign-in';

/**
 * Issue 10, bug 5: a banned reader was shown the normal comment form, told "suspended … for now" only after posting,
 * and People still said ACTIVE (a ban is stored as a suspension until 9999-12-31). Now People says Banned (or
 * Suspended until …), and the reader finds a notice where the form was, with JavaScript and without, before typing;
 * a post from a page opened before the ban is still refused, as banned. Each journey registers a reader of its own;
 * their first comment is held for a moderator, and the moderation queue is where a moderator bans or suspends them.
 * The story (no other journey's) already has two approved comments, so a reader who may comment gets Reply buttons.
 */

const story = `/${fixture.politics.slug}/${fixture.budget.slug}`;

const BANNED = 'Your account is banned from commenting.';
const SUSPENDED = 'Your account is suspended from commenting.';

const thread = (page: Page) => page.getByRole('region', { name: /Comments/ });
const commentBox = (page: Page) => thread(page).getByLabel('Your comment', { exact: true });
/** Any comment or reply box: the new-comment form and the (closed) Reply forms under each comment. */
const anyCommentBox = (page: Page) => thread(page).locator('textarea[name="body"]');
const replyButtons = (page: Page) => thread(page).getByText('Reply', { exact: true });

function newReader(name: string): Account {
  const marker = randomBytes(4).toString('hex');
  return { name: `${name} ${marker}`, email: `bans-${marker}@example.org`, password: 'a long enough password' };
}

/** Registers the reader in a browser of their own and posts their first comment, which waits for a moderator. */
async function readerWithHeldComment(browser: Browser, account: Account): Promise<{ page: Page; text: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await registerReader(page, account, story);
  // Hydrated (the form carries js=1): the enhanced post, which answers beside the form.
  await expect(page.locator('#comments > form.comment-form input[name="js"]')).toHaveCount(1);
  await expect(thread(page).getByText(BANNED)).toHaveCount(0);
  await expect(replyButtons(page).first()).toBeVisible();
  const text = `Before the moderator came ${randomBytes(3).toString('hex')}`;
  await commentBox(page).fill(text);
  await thread(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(thread(page).getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();
  return { page, text };
}

/** Opens a queue row's More actions (it may be open already: a decision re-renders the queue without closing it). */
async function openMore(item: Locator) {
  const details = item.locator('details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await item.getByText('More actions', { exact: true }).click();
}

/**
 * As a signed-in moderator: opens More actions on the reader's held comment in the pending queue and presses one of
 * its buttons, or (with `confirm`) one of its links, which asks first, and the dialog's confirmation (ADR 0016).
 */
async function decideOnReader(page: Page, text: string, control: string, confirmation: string, confirm?: string) {
  await page.goto('/dashboard/comments');
  const item = page.getByRole('listitem').filter({ hasText: text });
  await openMore(item);
  if (confirm) {
    await item.getByRole('link', { name: control, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: confirm, exact: true }).click();
  } else {
    await item.getByRole('button', { name: control, exact: true }).click();
  }
  await expect(page.getByRole('status')).toHaveText(confirmation);
  return item;
}

/** As a signed-in admin: the reader's row in People, found through the search form with a status filter. */
async function peopleRow(page: Page, account: Account, status: string) {
  await page.goto('/dashboard/people');
  await page.getByRole('searchbox', { name: 'Name or e-mail' }).fill(account.email);
  await page.getByRole('main').getByRole('combobox', { name: 'Status' }).selectOption(status);
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`status=${status}`));
  return page.getByRole('row').filter({ hasText: account.email });
}

/** The People table's Status cell (the fourth column: Name, E-mail, Role, Status). */
const statusCell = (row: Locator) => row.getByRole('cell').nth(3);

/** The reader may not post: the notice stands where the form was, and there is no comment or reply box at all. */
async function expectNotice(page: Page, notice: string) {
  await expect(page.getByText('Signed in as')).toBeVisible();
  await expect(thread(page).getByText(notice)).toBeVisible();
  await expect(anyCommentBox(page)).toHaveCount(0);
  await expect(thread(page).getByRole('button', { name: 'Post comment' })).toHaveCount(0);
  await expect(replyButtons(page)).toHaveCount(0);
}

/** The reader may post again: the form and the Reply buttons are back, the notices gone. */
async function expectForm(page: Page) {
  await expect(page.getByText('Signed in as')).toBeVisible();
  await expect(commentBox(page)).toBeVisible();
  await expect(thread(page).getByRole('button', { name: 'Post comment' })).toBeVisible();
  await expect(replyButtons(page).first()).toBeVisible();
  await expect(thread(page).getByText(BANNED)).toHaveCount(0);
  await expect(thread(page).getByText(SUSPENDED)).toHaveCount(0);
}

test('an admin bans a new reader: People says banned; the reader sees a notice instead of the form, with and without JavaScript; lifting the ban brings the form back', async ({ page, browser, request }) => {
  // A registration, two browsers for the reader, a dozen dashboard pages and a post.
  test.setTimeout(120_000);
  const reader = newReader('Bea Banned');
  const { page: withScript, text } = await readerWithHeldComment(browser, reader);

  // The admin bans them from their held comment; the queue says so at once and offers to lift the ban.
  await signInAs(page, 'admin', '/dashboard/comments');
  const item = await decideOnReader(page, text, `Ban ${reader.name}…`, 'The reader is banned from commenting.', `Yes, ban ${reader.name}`);
  await expect(item).toContainText('banned from commenting');
  await expect(item).not.toContainText('suspended until');
  await openMore(item);
  await expect(item.getByRole('button', { name: `Lift ${reader.name}’s ban`, exact: true })).toBeVisible();

  // People: Banned, not Active; the status filters agree.
  const banned = await peopleRow(page, reader, 'banned');
  await expect(statusCell(banned)).toHaveText('Banned');
  await expect(banned).not.toContainText('Active');
  await expect(await peopleRow(page, reader, 'active')).toHaveCount(0);
  await expect(page.getByText('No account matches.')).toBeVisible();
  const any = await peopleRow(page, reader, 'all');
  await expect(statusCell(any)).toHaveText('Banned');
  await any.getByRole('link', { name: reader.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: reader.name })).toBeVisible();
  const status = page.getByRole('definition').filter({ has: page.locator('.status-badge') });
  await expect(status).toContainText('Banned');
  await expect(status).toContainText('from commenting');
  await expect(status).not.toContainText('Active');

  // The reader's page was opened before the ban: a post from it is refused, as banned, and the text is kept.
  const late = `Posted after the ban ${randomBytes(3).toString('hex')}`;
  await commentBox(withScript).fill(late);
  await thread(withScript).getByRole('button', { name: 'Post comment' }).click();
  await expect(thread(withScript).getByRole('alert')).toHaveText(BANNED);
  await expect(commentBox(withScript)).toHaveValue(late);

  // Any page they open from now on says so before they type: with JavaScript…
  await withScript.reload();
  await expectNotice(withScript, BANNED);
  // …their held comment is still theirs to see…
  await expect(thread(withScript).locator('.comment--pending').filter({ hasText: text })).toHaveCount(1);
  // …and without JavaScript (the same session).
  const plainContext = await browser.newContext({ javaScriptEnabled: false, storageState: await withScript.context().storageState() });
  const withoutScript = await plainContext.newPage();
  await withoutScript.goto(story);
  await expectNotice(withoutScript, BANNED);

  // The shared (anonymous) page knows nothing of it.
  for (let round = 1; round <= 2; round++) {
    const { response, body, cache } = await read(request, story);
    expect(response.status(), `anonymous read ${round} (X-Cache: ${cache})`).toBe(200);
    expect(body, `anonymous read ${round} (X-Cache: ${cache})`).toContain('Sign in to comment');
    expect(body, `anonymous read ${round} (X-Cache: ${cache})`).not.toContain('banned from commenting');
  }

  // Lifting the ban: People says Active again, and the form is back for them, with and without JavaScript.
  await decideOnReader(page, text, `Lift ${reader.name}’s ban`, 'The reader may comment again.');
  const lifted = await peopleRow(page, reader, 'active');
  await expect(statusCell(lifted)).toHaveText('Active');
  await expect(await peopleRow(page, reader, 'banned')).toHaveCount(0);

  await withoutScript.reload();
  await expectForm(withoutScript);
  await plainContext.close();
  await withScript.reload();
  await expectForm(withScript);
  // And a post goes through (held, as their first comments are).
  await commentBox(withScript).fill(`Back after the ban ${randomBytes(3).toString('hex')}`);
  await thread(withScript).getByRole('button', { name: 'Post comment' }).click();
  await expect(thread(withScript).getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();
  await withScript.context().close();
});

test('a suspended reader is told when they may comment again, and People says until when', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const reader = newReader('Sid Suspended');
  const { page: withScript, text } = await readerWithHeldComment(browser, reader);

  await signInAs(page, 'editor', '/dashboard/comments');
  const item = await decideOnReader(page, text, `Suspend ${reader.name} for 7 days…`, 'The reader is suspended from commenting for 7 days.', `Yes, suspend ${reader.name}`);
  await expect(item).toContainText('suspended until');
  await openMore(item);
  await expect(item.getByRole('button', { name: `Lift ${reader.name}’s suspension`, exact: true })).toBeVisible();

  await withScript.reload();
  await expectNotice(withScript, SUSPENDED);
  const notice = thread(withScript).getByText(SUSPENDED);
  await expect(notice).toContainText('You can comment again after');
  // The moment, in the newsroom's time zone, with the instant in a <time> element: seven days from now.
  const until = Date.parse((await notice.locator('time').getAttribute('datetime')) ?? '');
  expect(until - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  expect(until - Date.now()).toBeLessThan(7.1 * 86_400_000);

  // People (admins only): Suspended until …, under the suspended filter, not the active or banned ones.
  await page.context().clearCookies();
  await signInAs(page, 'admin', '/dashboard/people');
  const suspended = await peopleRow(page, reader, 'suspended');
  await expect(statusCell(suspended)).toContainText('Suspended until');
  await expect(statusCell(suspended).locator('time')).toHaveAttribute('datetime', new Date(until).toISOString());
  await expect(await peopleRow(page, reader, 'active')).toHaveCount(0);
  await expect(await peopleRow(page, reader, 'banned')).toHaveCount(0);

  await decideOnReader(page, text, `Lift ${reader.name}’s suspension`, 'The reader may comment again.');
  await withScript.reload();
  await expectForm(withScript);
  await withScript.context().close();
});
