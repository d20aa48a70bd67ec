import { expect, test, type Page } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';

/** Misspelt words are corrected from the archive's word list (ADR 0028), with links that work without JavaScript. */
async function expectCorrectedSearch(page: Page) {
  await expect(page.getByRole('heading', { level: 2, name: /results? for “harbour flood”/ })).toBeVisible();
  const correction = page.getByTestId('search-correction');
  await expect(correction).toHaveText('Showing results for harbour flood. Search instead for harbuor flod.');
  await expect(page.getByRole('link', { name: fixture.old.headline })).toBeVisible();
  await expect(page.getByText(fixture.scheduled.headline)).toHaveCount(0);

  await correction.getByRole('link', { name: 'harbuor flod' }).click();
  await expect(page).toHaveURL(/\/search\?q=harbuor\+flod&exact=1$/);
  await expect(page.getByRole('heading', { level: 2, name: 'No results for “harbuor flod”' })).toBeVisible();
  await expect(page.getByTestId('search-correction')).toHaveCount(0);
}

test('a misspelt search shows the corrected words and their results, and can search as typed', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('search', { name: 'Site search' });
  await search.getByRole('searchbox', { name: 'Search stories' }).fill('harbuor flod');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=harbuor\+flod$/);
  await expectCorrectedSearch(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the correction and "search instead" are plain links', async ({ page }) => {
    await page.goto('/search');
    await page.getByRole('searchbox', { name: 'Search for' }).fill('harbuor flod');
    await page.getByRole('search', { name: 'Search stories' }).getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=harbuor\+flod/);
    await expectCorrectedSearch(page);
  });
});
