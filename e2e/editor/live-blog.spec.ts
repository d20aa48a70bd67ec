import { expect, test } from '@playwright/test';

import { createLiveBlog } from '../support/live-blogs';
import { signInAs } from '../support/sign-in';

/**
 * An editor runs a live blog from the story's editor page (docs/adr/0026) while a reader has it open: each entry
 * reaches the reader's page without a reload; closing it makes the page an ordinary article.
 */
test('an editor posts, pins and deletes entries and closes the live blog; an open reader page follows without reloading', async ({ page, browser, baseURL }) => {
  test.slow();
  const blog = await createLiveBlog(baseURL!, { entries: 1 });

  // The reader: anonymous, with JavaScript, the page open and its stream connected.
  const readerContext = await browser.newContext({ baseURL });
  const reader = await readerContext.newPage();
  const connected = reader.waitForResponse((response) => response.url().includes(`/api/live/${blog.id}`));
  await reader.goto(blog.path);
  await connected;
  await reader.evaluate(() => {
    (window as unknown as { marker: string }).marker = 'not reloaded';
  });

  await signInAs(page, 'editor', `/dashboard/articles/${blog.id}`);
  const panel = page.getByRole('region', { name: 'Live blog' });
  const form = panel.getByRole('form', { name: 'New entry' });
  await form.getByLabel('Heading (optional)').fill('Harbour gates closed');
  await form.getByLabel('Text (Markdown)').fill('The harbour gates were **closed** at 6pm.');
  await form.getByLabel('Key event').check();
  await form.getByRole('button', { name: 'Post entry' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Entry posted' })).toBeVisible();

  // On the reader's page, at the top, rendered, announced, without a reload.
  const entries = reader.locator('[data-live-entries] > article');
  await expect(entries.first()).toContainText('Harbour gates closed', { timeout: 5000 });
  await expect(entries.first().locator('strong')).toHaveText('closed');
  await expect(reader.locator('[data-live-status]')).toHaveText('1 new entry added at the top.');
  expect(await reader.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('not reloaded');

  // A reader arriving now gets it from the (refreshed) cached page, with the key event listed.
  const fresh = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
  await fresh.goto(blog.path);
  await expect(fresh.getByRole('navigation', { name: 'Key events' }).getByRole('link', { name: /Harbour gates closed/ })).toBeVisible();

  // Pinned: it moves to the pinned place on the reader's page.
  const newest = panel.locator('li[data-live-desk-entry]').filter({ hasText: 'Harbour gates closed' });
  await newest.getByRole('button', { name: 'Pin to the top' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Entry updated' })).toBeVisible();
  await expect(reader.locator('[data-live-pinned] > article')).toContainText('Harbour gates closed', { timeout: 5000 });

  // Deleted: gone from the reader's page.
  await panel.locator('li[data-live-desk-entry]').filter({ hasText: 'Harbour gates closed' }).getByRole('button', { name: /Delete/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Entry deleted' })).toBeVisible();
  await expect(reader.getByText('Harbour gates closed')).toHaveCount(0, { timeout: 5000 });

  // Closed: the reader is told; the page now reads as an ordinary article.
  await panel.getByRole('button', { name: 'Close the live blog' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The live blog is closed' })).toBeVisible();
  await expect(reader.locator('[data-live-status]')).toHaveText('This live blog has ended.', { timeout: 5000 });
  await fresh.goto(blog.path);
  await expect(fresh.getByText('This live blog has ended.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'New entry' })).toHaveCount(0);
  await readerContext.close();
});
