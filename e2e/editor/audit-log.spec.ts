import { randomBytes } from 'node:crypto';

import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { deleteStory, publishStory } from '../support/desk';
import { shot } from '../support/shots';
import { signInAs } from '../support/sign-in';

/**
 * Issue 10, "a readable audit log": names and headlines instead of ids and column names, and filters by person,
 * story and kind of action (a GET form: with JavaScript and without) instead of "action starts with".
 */

const filters = (page: Page) => page.getByRole('search', { name: 'Filter the audit log' });
const rows = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('cell') });

test('a story’s history in the audit log: who, what in words, on which story, and what changed', async ({ page }) => {
  test.slow();
  const headline = `Audit trail of the pier repairs ${randomBytes(3).toString('hex')}`;
  await signInAs(page, 'admin', '/dashboard');
  const story = await publishStory(page, headline);

  // From the story's workspace to its entries.
  await page.goto(story.editorPath);
  await page.getByRole('link', { name: 'Audit log for this story' }).click();
  await expect(page).toHaveURL(/\/dashboard\/audit\?story=\d+$/);
  const published = rows(page).filter({ has: page.getByRole('cell', { name: 'published', exact: true }) });
  await expect(published).toHaveCount(1);
  await expect(published).toContainText(fixture.staff.admin.name);
  await expect(published.getByRole('link', { name: headline })).toHaveAttribute('href', story.editorPath);
  await expect(published).toContainText('Draft → Published');
  await expect(published).toContainText('Publication time');
  await expect(published).not.toContainText('article.publish');
  await expect(published).not.toContainText('publishedAt');
  await expect(rows(page).filter({ hasText: 'started the story' })).toHaveCount(1);
  await expect(rows(page).filter({ hasNotText: headline })).toHaveCount(0);

  // Person, story words and kind of action, through the form.
  await page.goto('/dashboard/audit');
  await filters(page).getByLabel('Person').selectOption({ label: `${fixture.staff.admin.name} (admin)` });
  await filters(page).getByLabel('Story').fill(headline.slice(0, 30));
  await filters(page).getByLabel('Kind of action').selectOption({ label: 'Stories: writing and publishing' });
  await filters(page).getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/kind=stories/);
  await expect(rows(page).filter({ hasText: headline }).filter({ hasText: 'published' }).first()).toBeVisible();
  await expect(filters(page).getByLabel('Kind of action')).toHaveValue('stories');
  await filters(page).getByLabel('Kind of action').selectOption({ label: 'Comment moderation' });
  await filters(page).getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/kind=comments/);
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText('No entries match.')).toBeVisible();

  for (const viewport of [
    { name: '1366', width: 1366, height: 900 },
    { name: '390', width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(story.editorPath.replace(/\/dashboard\/articles\/(\d+)$/, '/dashboard/audit?story=$1'));
    await shot(page, `audit-log-${viewport.name}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // Deleted, the story is still named by its headline.
  await deleteStory(page, story);
  await page.goto(`/dashboard/audit?story=${encodeURIComponent(headline)}`);
  const deleted = rows(page).filter({ hasText: 'deleted the story' });
  await expect(deleted).toContainText(headline);
  await expect(deleted).toContainText('(since deleted)');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the filters are a plain GET form', async ({ page }) => {
    const headline = `Audit without scripts ${randomBytes(3).toString('hex')}`;
    await signInAs(page, 'admin', '/dashboard/articles/new');
    const form = page.getByRole('form', { name: 'Story' });
    await form.getByLabel('Headline', { exact: true }).fill(headline);
    await form.getByLabel('Section', { exact: true }).selectOption({ label: fixture.desk.name });
    await form.getByLabel('Tags', { exact: true }).fill('Flood defences, Local government');
    await form.getByRole('group', { name: 'Authors' }).getByLabel(fixture.ada.name).check();
    await form.getByLabel('Body (Markdown)', { exact: true }).fill('A paragraph.');
    await form.getByRole('button', { name: 'Create draft' }).click();
    await expect(page.getByRole('heading', { level: 1, name: headline })).toBeVisible();
    // The plain comma list gave the story both tags.
    await expect(page.getByRole('form', { name: 'Story' }).getByLabel('Tags', { exact: true })).toHaveValue('Flood defences, Local government');

    await page.goto('/dashboard/audit');
    await filters(page).getByLabel('Story').fill(headline);
    await filters(page).getByLabel('Person').selectOption({ label: `${fixture.staff.admin.name} (admin)` });
    await filters(page).getByLabel('Kind of action').selectOption({ label: 'Stories: writing and publishing' });
    await filters(page).getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/\/dashboard\/audit\?actor=[^&]+&story=[^&]+&kind=stories$/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page)).toContainText('started the story');
    await expect(rows(page).getByRole('link', { name: headline })).toBeVisible();
    await expect(filters(page).getByLabel('Story')).toHaveValue(headline);
  });
});
