import { randomBytes } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { fixture } from '../fixtures/newsroom';
import { signInAs } from '../support/sign-in';

const unique = () => randomBytes(3).toString('hex');

test('an editor creates a section and it appears in the public navigation', async ({ page }) => {
  await signInAs(page, 'editor', '/dashboard/sections');
  await expect(page.getByRole('heading', { level: 1, name: 'Sections' })).toBeVisible();
  await page.getByRole('link', { name: 'New section' }).click();

  const marker = unique();
  const name = `Harbour Life ${marker}`;
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Description' }).fill('Life on the water.');
  await page.getByRole('button', { name: 'Create section' }).click();

  const slug = `harbour-life-${marker}`;
  await expect(page).toHaveURL(`/dashboard/sections?created=${slug}`);
  await expect(page.getByRole('status')).toHaveText(`Section /${slug} created.`);
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText(`/${slug}`);

  await page.goto('/');
  const navigation = page.getByRole('navigation', { name: 'Sections' });
  await expect(navigation.getByRole('link', { name })).toHaveAttribute('href', `/${slug}`);
  await navigation.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('a reserved or taken address is refused with a clear message, and the form keeps what was typed', async ({ page }) => {
  await signInAs(page, 'editor', '/dashboard/sections/new');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Search desk');
  await page.getByRole('textbox', { name: 'Address', exact: true }).fill('search');
  await page.getByRole('button', { name: 'Create section' }).click();
  const address = page.getByRole('textbox', { name: 'Address', exact: true });
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('This address is reserved for a page of the site itself; choose another.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Search desk');

  // Made from the name, the address is checked the same way.
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Dashboard');
  await address.fill('');
  await page.getByRole('button', { name: 'Create section' }).click();
  await expect(page.getByText('The address “/dashboard” is reserved for a page of the site itself; choose another.')).toBeVisible();

  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Politics again');
  await address.fill(fixture.politics.slug);
  await page.getByRole('button', { name: 'Create section' }).click();
  await expect(page.getByText(`Another section already uses the address “/${fixture.politics.slug}”; choose another.`)).toBeVisible();
});

test('a section with articles cannot be deleted, and says why', async ({ page }) => {
  await signInAs(page, 'editor', '/dashboard/sections');
  await page.getByRole('main').getByRole('link', { name: fixture.politics.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: fixture.politics.name })).toBeVisible();
  await expect(page.getByText('Address: /e2e-politics')).toBeVisible();
  // Since ADR 0016 the reason is given before anyone presses anything: no Delete is offered (the action refuses it too).
  await expect(page.getByRole('region', { name: 'Delete section' })).toContainText(`6 articles are filed in “${fixture.politics.name}”. Move them to another section before deleting it.`);
  await expect(page.getByRole('link', { name: `Delete “${fixture.politics.name}”…` })).toHaveCount(0);
  // Nor does a hand-made confirmation address offer it.
  await page.goto(`${page.url()}?confirm=delete`);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Yes, delete/ })).toHaveCount(0);
  await page.goto('/dashboard/sections');
  await expect(page.getByRole('main').getByRole('link', { name: fixture.politics.name, exact: true })).toBeVisible();
});

test("an editor merges one tag into another; the merged tag's address redirects to the survivor", async ({ page }) => {
  await signInAs(page, 'editor', '/dashboard/tags');
  const marker = unique();
  const source = `Seawalls ${marker}`;
  const target = `Sea walls ${marker}`;
  for (const [name, slug] of [
    [source, `seawalls-${marker}`],
    [target, `sea-walls-${marker}`],
  ]) {
    await page.getByRole('textbox', { name: 'Tag name' }).fill(name!);
    await page.getByRole('button', { name: 'Create tag' }).click();
    await expect(page.getByRole('status')).toHaveText(`Tag /tag/${slug} created.`);
  }
  await page.getByRole('searchbox', { name: 'Search tags' }).fill(marker);
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(`/dashboard/tags?q=${marker}`);
  await expect(page.getByRole('row')).toHaveCount(3);

  await page.getByRole('main').getByRole('link', { name: source }).click();
  await page.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: `${target} (/tag/sea-walls-${marker})` });
  await page.getByRole('button', { name: `Merge “${source}” into the chosen tag…` }).click();
  await page.getByRole('dialog', { name: `Merge “${source}” into “${target}”?` }).getByRole('button', { name: 'Yes, merge the tags' }).click();
  await expect(page.getByRole('heading', { level: 1, name: target })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(`Tag /tag/seawalls-${marker} merged into “${target}”.`);

  const moved = await page.request.get(`/tag/seawalls-${marker}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(new URL(moved.headers().location!, 'http://x').pathname).toBe(`/tag/sea-walls-${marker}`);
  await page.goto(`/dashboard/tags?q=${marker}`);
  await expect(page.getByRole('row')).toHaveCount(2);
});
