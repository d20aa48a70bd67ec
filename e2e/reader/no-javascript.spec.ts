import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';

test.use({ javaScriptEnabled: false });

test('the article, its related stories and navigation work with JavaScript off', async ({ page }) => {
  await page.goto(`/${fixture.politics.slug}/${fixture.lead.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: fixture.lead.headline })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'How the vote went' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Related stories' }).getByRole('link', { name: fixture.related.headline })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Copy link' })).toHaveAttribute('href', new RegExp(`/${fixture.politics.slug}/${fixture.lead.slug}$`));

  // From the related stories (the story may be in the "Most read" rail too).
  await page.getByRole('region', { name: 'Related stories' }).getByRole('link', { name: fixture.related.headline }).click();
  await expect(page).toHaveURL(`/${fixture.politics.slug}/${fixture.related.slug}`);
  await page.getByRole('link', { name: fixture.politics.name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: fixture.politics.name })).toBeVisible();
});
