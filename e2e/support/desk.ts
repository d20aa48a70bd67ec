import { expect, type Locator, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { linkIn, newestMailTo } from './mailbox';
import { signIn } from './sign-in';

/**
 * Dashboard steps the page-cache journeys share: a story of their own (filed in the journeys' Newsdesk section, so
 * the reader journeys' sections stay as seeded), published and later deleted, and a brand-new reader account.
 */

export const storyForm = (page: Page) => page.getByRole('form', { name: 'Story' });
export const storyField = (page: Page, label: string) => storyForm(page).getByLabel(label, { exact: true });

export type PublishedStory = { headline: string; slug: string; path: string; editorPath: string };

/** As a signed-in editor: writes a story in the Newsdesk section and publishes it now. */
export async function publishStory(page: Page, headline: string): Promise<PublishedStory> {
  await page.goto('/dashboard/articles/new');
  await storyField(page, 'Headline').fill(headline);
  await storyField(page, 'Standfirst').fill('A standfirst written for the page-cache journeys.');
  await storyField(page, 'Section').selectOption({ label: fixture.desk.name });
  await storyForm(page).getByRole('group', { name: 'Authors' }).getByLabel(fixture.ada.name).check();
  await storyField(page, 'Body (Markdown)').fill('The first paragraph of the story.\n\n## What happens next\n\nMore to come.');
  await storyForm(page).getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft created' })).toBeVisible();
  await page.waitForURL(/\/dashboard\/articles\/\d+(\?|$)/);
  const editorPath = new URL(page.url()).pathname;
  const slug = await storyField(page, 'Slug').inputValue();
  await publishNow(page);
  return { headline, slug, path: `/${fixture.desk.slug}/${slug}`, editorPath };
}

/** As a signed-in editor or contributor: writes a draft in the Newsdesk section; returns its editor page's path. */
export async function writeDraft(page: Page, headline: string, body = 'The first paragraph of the story.\n\n## What happens next\n\nMore to come.'): Promise<string> {
  await page.goto('/dashboard/articles/new');
  await storyField(page, 'Headline').fill(headline);
  await storyField(page, 'Standfirst').fill('A standfirst written in the dashboard.');
  await storyField(page, 'Section').selectOption({ label: fixture.desk.name });
  await storyField(page, 'Tags').fill('Dashboard tests');
  await storyForm(page).getByRole('group', { name: 'Authors' }).getByLabel(fixture.ada.name).check();
  await storyField(page, 'Body (Markdown)').fill(body);
  await storyForm(page).getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft created' })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** On a story's page in the dashboard, as an editor: Publish, Now. */
export async function publishNow(page: Page): Promise<void> {
  const publish = page.getByRole('form', { name: /Publish/ });
  await publish.getByRole('radio', { name: 'Now' }).check();
  await publish.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
}

/**
 * A destructive control only asks (ADR 0016): presses it, expects the confirmation dialog, and confirms there. Returns
 * the dialog (already gone once confirmed).
 */
export async function confirmDestructive(page: Page, control: string, confirm: string, scope: Page | Locator = page): Promise<Locator> {
  await scope.getByRole('link', { name: control, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  return dialog;
}

/** As a signed-in editor: deletes a story for good (the front page belongs to the reader journeys). */
export async function deleteStory(page: Page, story: PublishedStory): Promise<void> {
  await page.goto(story.editorPath);
  await deleteOpenStory(page);
}

/** On a story's page in the dashboard: Delete this story…, then Yes, delete for good. */
export async function deleteOpenStory(page: Page): Promise<void> {
  await confirmDestructive(page, 'Delete this story…', 'Yes, delete for good');
  await expect(page.getByRole('status')).toHaveText('The story was deleted.');
}

export type Account = { name: string; email: string; password: string };

/**
 * Registers a new reader (whose first comments wait for moderation), confirms the address with the link the site
 * queued for it, signs in and lands on `callbackUrl`.
 */
export async function registerReader(page: Page, account: Account, callbackUrl: string): Promise<void> {
  await page.goto(`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Display name').fill(account.name);
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Password again').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Hashing the password and queueing the message: as slow as a sign-in on a loaded machine (see signIn).
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible({ timeout: 20_000 });

  const mail = await newestMailTo(page.url(), account.email, '/account/verify-email');
  expect(mail.subject).toBe('Confirm your e-mail address');
  await page.goto(linkIn(mail, '/account/verify-email'));
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('status')).toHaveText('Thank you: your e-mail address is confirmed.');

  await signIn(page, account, callbackUrl);
  await expect(page).toHaveURL(callbackUrl);
}
