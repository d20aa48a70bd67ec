import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';

test('a reader goes from the front page to a section, a story, a related story and an author', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: fixture.lead.headline })).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: fixture.politics.name }).click();
  await expect(page).toHaveURL(`/${fixture.politics.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: fixture.politics.name })).toBeVisible();
  // Newest first; scheduled and draft stories are not listed.
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headlines.first()).toHaveText(fixture.lead.headline);
  await expect(page.getByText(fixture.scheduled.headline)).toHaveCount(0);
  await expect(page.getByText(fixture.draft.headline)).toHaveCount(0);

  await page.getByRole('link', { name: fixture.lead.headline }).click();
  await expect(page).toHaveURL(`/${fixture.politics.slug}/${fixture.lead.slug}`);
  const article = page.getByRole('article', { name: fixture.lead.headline });
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(fixture.lead.headline);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link')).toHaveText(['Home', fixture.politics.name]);
  await expect(article.getByText(fixture.lead.dek)).toBeVisible();
  await expect(article.locator('header time[datetime]')).toHaveCount(2); // published and updated, in the story's header
  await expect(article.getByText(/\d+ min read/)).toBeVisible();
  await expect(article.getByRole('figure')).toContainText('The old harbour wall during the January storms.');
  await expect(article.getByRole('img', { name: 'Waves breaking over an old stone harbour wall' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: fixture.rareTag.name })).toHaveAttribute('href', `/tag/${fixture.rareTag.slug}`);
  await expect(page.getByRole('navigation', { name: 'Share this story' }).getByRole('link', { name: /E-mail/ })).toHaveAttribute('href', /^mailto:/);
  await expect(page.locator('#comments')).toBeVisible();
  // The raw <script> in the Markdown source never reaches the page.
  expect(await page.evaluate(() => (window as unknown as { __e2eInjected?: boolean }).__e2eInjected)).toBeUndefined();

  const related = page.getByRole('region', { name: 'Related stories' });
  await expect(related.getByRole('link').first()).toHaveText(fixture.related.headline);
  await expect(related.getByText(`More on: ${fixture.rareTag.name}`).first()).toBeVisible();
  await expect(related.getByRole('link', { name: fixture.lead.headline })).toHaveCount(0);
  await expect(related.getByText(fixture.scheduled.headline)).toHaveCount(0);
  await related.getByRole('link', { name: fixture.related.headline }).click();
  await expect(page).toHaveURL(`/${fixture.politics.slug}/${fixture.related.slug}`);

  await page.getByRole('article').getByRole('link', { name: fixture.grace.name }).click();
  await expect(page).toHaveURL(`/author/${fixture.grace.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: fixture.grace.name })).toBeVisible();
  await expect(page.getByText(fixture.grace.bio)).toBeVisible();
  await expect(page.getByRole('link', { name: fixture.related.headline })).toBeVisible();
});

test('a long section is paginated, newest first, with working previous and next links', async ({ page }) => {
  await page.goto(`/${fixture.world.slug}`);
  await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toHaveText('World briefing number 1');
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
  await page.getByRole('link', { name: 'Older stories →' }).click();
  await expect(page).toHaveURL(`/${fixture.world.slug}/page/2`);
  await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toHaveText('World briefing number 21');
  await page.getByRole('link', { name: '← Newer stories' }).click();
  await expect(page).toHaveURL(`/${fixture.world.slug}`);
});

test('a tag page lists the stories carrying the tag', async ({ page }) => {
  await page.goto(`/tag/${fixture.rareTag.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: fixture.rareTag.name })).toBeVisible();
  await expect(page.getByRole('link', { name: fixture.lead.headline })).toBeVisible();
  await expect(page.getByRole('link', { name: fixture.old.headline })).toBeVisible();
  await expect(page.getByText(fixture.scheduled.headline)).toHaveCount(0);
});

test('a story more than a year old says so', async ({ page }) => {
  await page.goto(`/${fixture.politics.slug}/${fixture.old.slug}`);
  await expect(page.getByRole('note')).toContainText('This story is more than a year old.');
  await page.goto(`/${fixture.politics.slug}/${fixture.lead.slug}`);
  await expect(page.getByRole('note')).toHaveCount(0);
});
