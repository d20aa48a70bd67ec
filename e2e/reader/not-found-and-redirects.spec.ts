import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';

test.describe('404s', () => {
  for (const [name, path] of [
    ['an unknown section', '/no-such-section'],
    ['an unknown article', `/${fixture.politics.slug}/no-such-story`],
    ['a scheduled article before its minute', `/${fixture.politics.slug}/${fixture.scheduled.slug}`],
    ['a draft', `/${fixture.politics.slug}/${fixture.draft.slug}`],
    ['a page past the end of a list', `/${fixture.world.slug}/page/9`],
    ['a malformed page number', `/${fixture.world.slug}/page/01`],
    ['an unknown tag', '/tag/no-such-tag'],
    ['an unknown author', '/author/no-such-person'],
    ['a path with hostile characters', `/${fixture.politics.slug}/%3Cscript%3E`],
  ] as const) {
    test(`${name} answers 404 with the not-found page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    });
  }
});

test('an old slug answers with a permanent redirect to the current address', async ({ request, page }) => {
  const response = await request.get(`/${fixture.politics.slug}/${fixture.oldSlug}`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(new URL(response.headers().location ?? '', response.url()).pathname).toBe(`/${fixture.politics.slug}/${fixture.lead.slug}`);

  await page.goto(`/${fixture.politics.slug}/${fixture.oldSlug}`);
  await expect(page).toHaveURL(`/${fixture.politics.slug}/${fixture.lead.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: fixture.lead.headline })).toBeVisible();
});

test('a story linked under the wrong section redirects to its own section', async ({ request }) => {
  const response = await request.get(`/${fixture.world.slug}/${fixture.lead.slug}`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(new URL(response.headers().location ?? '', response.url()).pathname).toBe(`/${fixture.politics.slug}/${fixture.lead.slug}`);
});
