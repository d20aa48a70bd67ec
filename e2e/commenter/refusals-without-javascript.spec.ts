import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { signIn, signInAs } from '../support/sign-in';

/**
 * Without JavaScript a refused form comes back to its page with its message and what was typed (docs/adr/0030): the
 * comment forms (whose text can be too big for a cookie, so the answer is kept in the database) and the dashboard's.
 */
test.use({ javaScriptEnabled: false });

const story = `/${fixture.politics.slug}/${fixture.lead.slug}`;
/** A story with a discussion already, to reply to. */
const discussed = `/${fixture.politics.slug}/${fixture.related.slug}`;
const thread = (page: Page) => page.getByRole('region', { name: /Comments/ });

test('a refused comment and a refused reply come back beside their fields, the text kept, the reply panel open', async ({ page }) => {
  await signIn(page, fixture.plainRefusals, story);
  await thread(page).getByLabel('Your comment', { exact: true }).fill('x');
  await thread(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(page).toHaveURL(new RegExp(`${story}#comment-new$`));
  const form = page.locator('form#comment-new');
  await expect(form.getByText('Write at least 2 characters.')).toBeVisible();
  await expect(form.getByLabel('Your comment', { exact: true })).toHaveValue('x');

  // A reply sits in a closed "Reply" panel: the answer opens it.
  await page.goto(discussed);
  const first = thread(page).locator('.comments__list > .comment').first();
  await first.locator('summary', { hasText: 'Reply' }).click();
  await first.getByLabel(/^Reply to /).fill('y');
  await first.getByRole('button', { name: 'Post reply' }).click();
  await expect(page).toHaveURL(/#reply-\d+$/);
  const replyId = new URL(page.url()).hash.slice(1);
  const reply = page.locator(`form#${replyId}`);
  await expect(reply).toBeVisible();
  await expect(reply.getByText('Write at least 2 characters.')).toBeVisible();
  await expect(reply.getByLabel(/^Reply to /)).toHaveValue('y');
  // The answer is for one visit: the next one shows the empty form.
  await page.goto(discussed);
  await expect(page.locator(`form#${replyId}`)).toBeHidden();
  await expect(page.locator('form#comment-new').getByText('Write at least 2 characters.')).toHaveCount(0);
  await expect(page.locator('form#comment-new').getByLabel('Your comment', { exact: true })).toHaveValue('');
});

test('a long comment posted twice is refused the second time with all of its text kept', async ({ page }) => {
  await signIn(page, fixture.plainDuplicate, story);
  // About 4,000 characters, many of two bytes: far more than a cookie holds.
  const text = `Twice ${randomBytes(3).toString('hex')}: ${'Déjà vu, encore une fois. '.repeat(150)}`.trim();
  await thread(page).getByLabel('Your comment', { exact: true }).fill(text);
  await thread(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(page).toHaveURL(/\?comment=\d+#comment-\d+$/);

  await thread(page).getByLabel('Your comment', { exact: true }).fill(text);
  await thread(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(page).toHaveURL(/#comment-new$/);
  const form = page.locator('form#comment-new');
  await expect(form.getByRole('alert')).toContainText('You have just posted this same comment, so it was not posted again.');
  await expect(form.getByLabel('Your comment', { exact: true })).toHaveValue(text);
});

test("a dashboard form's refusal comes back beside its field without JavaScript", async ({ page }) => {
  await signInAs(page, 'editor', '/dashboard/tags');
  const name = `Plain tag ${randomBytes(3).toString('hex')}`;
  const path = `/tag/${name.toLowerCase().replaceAll(' ', '-')}`;
  await page.getByRole('textbox', { name: 'Tag name' }).fill(name);
  await page.getByRole('button', { name: 'Create tag' }).click();
  await expect(page.getByRole('status')).toHaveText(`Tag ${path} created.`);
  await page.getByRole('textbox', { name: 'Tag name' }).fill(name);
  await page.getByRole('button', { name: 'Create tag' }).click();
  await expect(page.getByText(`Another tag already uses the address “${path}”; choose another, or use that tag.`)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Tag name' })).toHaveValue(name);
});
