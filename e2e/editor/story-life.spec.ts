import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { confirmDestructive, publishNow, storyField, storyForm, writeDraft } from '../support/desk';
import { signInAs } from '../support/sign-in';

const unique = () => randomBytes(3).toString('hex');

test('an editor writes, previews, schedules, publishes, edits, re-slugs and unpublishes a story', async ({ page, request }) => {
  // A story's whole life in one journey: about 25 s on the 2-core machine when it is quiet, over 30 s when it is not.
  test.slow();
  const marker = unique();
  const headline = `Ferry timetable changes ${marker}`;
  const slug = `ferry-timetable-changes-${marker}`;
  await signInAs(page, 'editor', '/dashboard');
  await writeDraft(page, headline);
  expect(await storyField(page, 'Slug').inputValue()).toBe(slug);

  // Live preview from the server pipeline, then the Draft Mode preview page.
  await expect(page.getByRole('region', { name: 'Live preview' }).getByRole('heading', { name: 'What happens next' })).toBeVisible();
  await page.getByRole('link', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('note').filter({ hasText: 'readers cannot see this page' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: headline })).toBeVisible();
  expect((await request.get(`/${fixture.desk.slug}/${slug}`)).status()).toBe(404);
  await page.getByRole('link', { name: 'Back to the editor' }).click();

  // Scheduled for tomorrow: listed as scheduled, still not public.
  const publish = page.getByRole('form', { name: /Publish/ });
  await publish.getByRole('radio', { name: 'At an exact time' }).check();
  await publish.getByLabel(/Publish at/).fill('2099-01-01T09:30');
  await publish.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled' })).toBeVisible();
  expect((await request.get(`/${fixture.desk.slug}/${slug}`)).status()).toBe(404);
  await page.goto('/dashboard/articles?state=scheduled');
  await expect(page.getByRole('link', { name: headline })).toBeVisible();
  await page.getByRole('link', { name: headline }).click();

  // Published now: on the front page and at its address.
  await publishNow(page);
  await page.goto('/');
  await expect(page.getByRole('link', { name: headline }).first()).toBeVisible();
  await page.goto(`/${fixture.desk.slug}/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: headline })).toBeVisible();

  // A new headline: saved first (readers still see the old one), then published.
  await page.goto('/dashboard/articles?q=' + marker);
  await page.getByRole('link', { name: headline }).click();
  await page.waitForURL(/\/dashboard\/articles\/\d+$/);
  const editorUrl = new URL(page.url()).pathname;
  await storyField(page, 'Headline').fill(`${headline}, updated`);
  await storyForm(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Saved at/)).toBeVisible();
  await page.goto(`/${fixture.desk.slug}/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  await page.goto(editorUrl);
  await page.getByRole('form', { name: /Publication/ }).getByRole('button', { name: 'Publish changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await page.goto(`/${fixture.desk.slug}/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${headline}, updated`);

  // A new slug: the old address answers with a permanent redirect.
  await page.goto(editorUrl);
  await storyField(page, 'Slug').fill(`ferry-changes-${marker}`);
  await storyForm(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Saved at/)).toBeVisible();
  // The workflow knows at once that there is something to publish.
  await page.getByRole('form', { name: /Publication/ }).getByRole('button', { name: 'Publish changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  const old = await request.get(`/${fixture.desk.slug}/${slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(new URL(old.headers().location!, 'http://x').pathname).toBe(`/${fixture.desk.slug}/ferry-changes-${marker}`);

  // A correction shows on the story.
  await page.getByRole('form', { name: 'Add a correction or update' }).getByLabel('Note shown to readers').fill('An earlier version gave the wrong sailing time.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'note was added' })).toBeVisible();
  await page.goto(`/${fixture.desk.slug}/ferry-changes-${marker}`);
  await expect(page.getByRole('complementary', { name: 'Corrections and updates' })).toContainText('An earlier version gave the wrong sailing time.');

  // History: three saves, and a diff from the first to the latest.
  await page.goto(editorUrl);
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('row')).toHaveCount(4);
  await page.getByRole('row').last().getByRole('radio', { name: /Compare from/ }).check();
  await page.getByRole('button', { name: 'Compare' }).click();
  const diff = page.getByRole('region', { name: /Changes from version 1 to version \d+/ });
  await expect(diff).toContainText('Headline');
  await expect(diff).toContainText('Slug');

  // Unpublished: gone for readers, at once.
  await page.goto(editorUrl);
  await confirmDestructive(page, 'Unpublish…', 'Yes, unpublish');
  await expect(page.getByRole('status').filter({ hasText: 'Unpublished' })).toBeVisible();
  expect((await request.get(`/${fixture.desk.slug}/ferry-changes-${marker}`)).status()).toBe(404);
  await page.goto('/');
  await expect(page.getByRole('link', { name: `${headline}, updated` })).toHaveCount(0);
});
