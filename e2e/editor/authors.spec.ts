import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';

import { fixture } from '../fixtures/newsroom';
import { signIn, signInAs } from '../support/sign-in';

const unique = () => randomBytes(4).toString('hex');

// Uploaded portraits live under the server's data directory (e2e/serve.ts); the suite's database is dropped at the
// end, so the files are removed here.
const stored: string[] = [];
test.afterAll(() => {
  for (const src of stored) fs.rmSync(path.join(path.resolve(process.env.DATA_DIR ?? './.data'), 'media', path.basename(src)), { force: true });
});

/** Puts a portrait in the library through the real upload form and returns its alt text. */
async function uploadPortrait(page: Page, alt: string): Promise<void> {
  await page.goto('/dashboard/images');
  const buffer = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#c8a040' } }).png().toBuffer();
  await page.getByLabel('Image file').setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer });
  await page.getByLabel('Alternative text').fill(alt);
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(page.getByRole('status')).toHaveText('The image was uploaded and is first in the library.');
  const src = await page.getByRole('img', { name: alt }).getAttribute('src');
  expect(src).toMatch(/^\/media\/[0-9a-f-]+\.webp$/);
  stored.push(src!);
}

test('an editor creates an author profile with a bio and a picture from the library', async ({ page }) => {
  const portrait = `Portrait of a new writer ${unique()}`;
  const name = `Wren Holloway ${unique()}`;
  await signInAs(page, 'editor', '/dashboard/authors');
  await uploadPortrait(page, portrait);

  await page.goto('/dashboard/authors');
  await page.getByRole('link', { name: 'New author profile' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Job title (optional)').fill('Science correspondent');
  await page.getByLabel('Biography (optional)').fill('Wren writes about tides, storms and the people who measure them.');
  await page.getByRole('radio', { name: portrait }).check();
  await page.getByRole('button', { name: 'Create profile' }).click();

  await expect(page).toHaveURL(/\/dashboard\/authors\?created=\d+$/);
  await expect(page.getByRole('status')).toHaveText(`Created the profile of ${name}.`);
  const slug = `wren-holloway-${name.split(' ').pop()}`;
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`/author/${slug}`);
  await expect(row).toContainText('Science correspondent');
  await expect(row.getByRole('img', { name: portrait })).toBeVisible();

  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByLabel('Biography (optional)')).toHaveValue('Wren writes about tides, storms and the people who measure them.');
  await expect(page.getByRole('radio', { name: portrait })).toBeChecked();

  // The public profile exists at once (page 1 of an author's list exists even with no stories yet).
  await page.goto(`/author/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Science correspondent')).toBeVisible();
  await expect(page.getByText('Wren writes about tides, storms and the people who measure them.')).toBeVisible();
  await expect(page.getByRole('img', { name: `Portrait of ${name}` })).toBeVisible();
});

test('a taken address is refused beside its field and what was typed is kept', async ({ page }) => {
  await signInAs(page, 'editor', '/dashboard/authors/new');
  await page.getByLabel('Name').fill('Someone New');
  await page.getByLabel('Address').fill(fixture.ada.slug);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByLabel('Address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(`${fixture.ada.name} already has the address /author/${fixture.ada.slug}; choose another.`)).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Someone New');
});

test("an editor changes Ada Marsh's bio and picture, and her public page follows at once", async ({ page }) => {
  const portrait = `Ada Marsh at the harbour ${unique()}`;
  const bio = `Ada Marsh has covered the harbour council since the great flood. (${unique()})`;
  await signInAs(page, 'editor', '/dashboard/authors');
  // The public page is cached: read it once first, so the test proves the edit replaces the cached copy.
  await page.goto(`/author/${fixture.ada.slug}`);
  await expect(page.getByText(fixture.ada.bio)).toBeVisible();
  await uploadPortrait(page, portrait);

  await page.goto('/dashboard/authors');
  await page.getByRole('link', { name: fixture.ada.name, exact: true }).click();
  await page.getByLabel('Biography (optional)').fill(bio);
  await page.getByRole('radio', { name: portrait }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toHaveText(`Saved the profile of ${fixture.ada.name}.`);

  try {
    await page.goto(`/author/${fixture.ada.slug}`);
    await expect(page.getByText(bio)).toBeVisible();
    const avatar = page.getByRole('img', { name: `Portrait of ${fixture.ada.name}` });
    await expect(avatar).toBeVisible();
    expect(await avatar.getAttribute('src')).toMatch(/^\/media\/[0-9a-f-]+\.webp$/);
  } finally {
    // Put Ada back as the fixture made her, for the journeys that run after this one.
    await page.goto('/dashboard/authors');
    await page.getByRole('link', { name: fixture.ada.name, exact: true }).click();
    await page.getByLabel('Biography (optional)').fill(fixture.ada.bio);
    await page.getByRole('radio', { name: 'No picture' }).check();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('status')).toHaveText(`Saved the profile of ${fixture.ada.name}.`);
  }
  await page.goto(`/author/${fixture.ada.slug}`);
  await expect(page.getByText(fixture.ada.bio)).toBeVisible();
});

test('a contributor gets not-found for author profiles', async ({ page }) => {
  // Through the real form (the other contributor journeys start from the stored session, signInAs).
  await signIn(page, fixture.staff.contributor, '/');
  // The not-found page (with status 200: a streamed page cannot change its status, docs/adr/0001).
  for (const path of ['/dashboard/authors', '/dashboard/authors/new']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByLabel('Biography (optional)')).toHaveCount(0);
  }
});
