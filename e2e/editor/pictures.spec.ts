import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';

import { fixture } from '../fixtures/newsroom';
import { deleteStory, storyField, type PublishedStory } from '../support/desk';
import { shot } from '../support/shots';
import { signInAs, type Role } from '../support/sign-in';

/**
 * Pictures where the writing happens (issue 10, docs/adr/0014): the hero chosen from a searchable grid, uploads from
 * the editor, pictures in the body as figures, and deleting a picture only once nothing uses it — with JavaScript
 * and, for the key steps, without.
 */

const unique = () => randomBytes(4).toString('hex');

const stored: string[] = [];
test.afterAll(() => {
  for (const src of stored) fs.rmSync(path.join(path.resolve(process.env.DATA_DIR ?? './.data'), 'media', path.basename(src)), { force: true });
});

const storyForm = (page: Page) => page.getByRole('form', { name: 'Story' });
const hero = (page: Page) => storyForm(page).getByRole('group', { name: 'Hero picture' });
const grid = (page: Page) => hero(page).getByRole('list', { name: 'Pictures to choose from' });

async function png(width: number, height: number, background: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();
}

/** Uploads a picture to the library as the signed-in page's user; returns its address. */
async function uploadToLibrary(page: Page, alt: string, credit: string, size: [number, number] = [800, 500]): Promise<string> {
  const response = await page.request.post('/api/images', {
    headers: { Origin: new URL(page.url()).origin, Accept: 'application/json' },
    multipart: { file: { name: 'picture.png', mimeType: 'image/png', buffer: await png(size[0], size[1], '#2f5d7c') }, alt, credit },
  });
  expect(response.status()).toBe(201);
  const { picture } = (await response.json()) as { picture: { src: string } };
  stored.push(picture.src);
  return picture.src;
}

async function whenInteractive(page: Page) {
  await expect(storyForm(page).getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
}

/** A new draft in the Newsdesk section by Ada, left open in the editor. */
async function createDraft(page: Page, headline: string, body = 'The first paragraph.'): Promise<PublishedStory> {
  await page.goto('/dashboard/articles/new');
  await storyField(page, 'Headline').fill(headline);
  await storyField(page, 'Section').selectOption({ label: fixture.desk.name });
  await storyForm(page).getByRole('group', { name: 'Authors' }).getByLabel(fixture.ada.name).check();
  await storyField(page, 'Body (Markdown)').fill(body);
  await storyForm(page).getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft created' })).toBeVisible();
  await page.waitForURL(/\/dashboard\/articles\/\d+(\?|$)/);
  const editorPath = new URL(page.url()).pathname;
  const slug = await storyField(page, 'Slug').inputValue();
  return { headline, slug, path: `/${fixture.desk.slug}/${slug}`, editorPath };
}

async function publishNow(page: Page) {
  const publish = page.getByRole('form', { name: /Publish/ });
  await publish.getByRole('radio', { name: 'Now' }).check();
  await publish.getByRole('button', { name: /^Publish/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
}

/** No serious or critical axe violation in the part of the page under test. */
async function expectAccessible(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function plainPage(browser: Browser, role: Role, path: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, role, path);
  return page;
}

test('an editor finds a hero picture by searching the grid, uploads another from the editor, and puts it in the body as a figure', async ({ page }) => {
  test.setTimeout(240_000);
  const marker = unique();
  await signInAs(page, 'editor', '/dashboard');
  const harbourAlt = `Fishing boats in the harbour at dawn ${marker}`;
  await uploadToLibrary(page, harbourAlt, 'Photo: Ada Marsh');
  await uploadToLibrary(page, `A crowded market square ${marker}`, 'Photo: Ben Ode');
  const story = await createDraft(page, `Harbour reopens ${marker}`);
  await whenInteractive(page);

  // Search: as you type, in place; the page does not reload (what was typed stays, unsaved).
  await storyField(page, 'Standfirst').fill('Typed, not saved yet.');
  await hero(page).getByLabel('Search pictures').fill(`harbour at dawn ${marker}`);
  await expect(hero(page).getByText(`1 picture match “harbour at dawn ${marker}”.`)).toBeVisible();
  await expect(grid(page).getByRole('radio')).toHaveCount(2); // "No hero picture" and the one match
  await grid(page).getByRole('radio', { name: harbourAlt }).check();
  // The alt text comes along from the library.
  await expect(storyField(page, 'Alt text')).toHaveValue(harbourAlt);
  await expect(storyField(page, 'Standfirst')).toHaveValue('Typed, not saved yet.');
  await expect(page).toHaveURL(new RegExp(`${story.editorPath}(\\?notice=created)?$`));

  // Upload from the editor: sent in the background, chosen at once, nothing reloaded.
  const uploadedAlt = `Gulls over the new pier ${marker}`;
  await hero(page).getByText('Upload a new picture').click();
  await hero(page).getByLabel('Image file').setInputFiles({ name: 'gulls.png', mimeType: 'image/png', buffer: await png(1200, 675, '#7c2f4a') });
  await hero(page).getByLabel('Alternative text', { exact: true }).fill(uploadedAlt);
  await hero(page).getByLabel('Credit (optional)').fill('Photo: Cy Rowe');
  await hero(page).getByRole('button', { name: 'Upload and choose' }).click();
  await expect(hero(page).getByRole('status')).toHaveText(`Uploaded “${uploadedAlt}”. It is chosen as the hero picture.`);
  await expect(grid(page).getByRole('radio', { name: uploadedAlt })).toBeChecked();
  await expect(storyField(page, 'Standfirst')).toHaveValue('Typed, not saved yet.');
  const uploadedSrc = await grid(page).getByRole('listitem').filter({ hasText: uploadedAlt }).locator('img').getAttribute('src');
  expect(uploadedSrc).toMatch(/^\/media\/[0-9a-f-]+\.webp$/);
  stored.push(uploadedSrc!);

  // Back to the harbour picture as the hero; the gulls go in the body, at the cursor, with the caption to type over.
  await hero(page).getByLabel('Search pictures').fill(marker);
  await expect(hero(page).getByText(`3 pictures match “${marker}”.`)).toBeVisible();
  await grid(page).getByRole('radio', { name: harbourAlt }).check();
  const body = storyField(page, 'Body (Markdown)');
  await body.evaluate((element) => {
    const textarea = element as HTMLTextAreaElement;
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  });
  await grid(page).getByRole('button', { name: `Insert “${uploadedAlt}” in the body` }).click();
  await page.keyboard.type('Gulls followed the first boats out');
  await expect(body).toHaveValue(`The first paragraph.\n\n![${uploadedAlt}](${uploadedSrc} "Gulls followed the first boats out | Photo: Cy Rowe")\n`);
  const preview = page.getByRole('region', { name: 'Live preview' });
  await expect(preview.locator('figure figcaption')).toHaveText('Gulls followed the first boats out Photo: Cy Rowe');
  await expect(preview.locator('figure img')).toHaveAttribute('width', '1200');
  await page.setViewportSize({ width: 1366, height: 900 });
  await hero(page).scrollIntoViewIfNeeded();
  await shot(page, 'pictures-editor-picker-1366');
  await expectAccessible(page, '#hero-picture');

  await storyForm(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Saved at/)).toBeVisible();
  // Still chosen on screen after the save (React resets a form after its action), and after a reload.
  await expect(grid(page).getByRole('radio', { name: harbourAlt })).toBeChecked();
  await page.reload();
  await expect(grid(page).getByRole('radio', { name: harbourAlt })).toBeChecked();
  await expect(storyField(page, 'Standfirst')).toHaveValue('Typed, not saved yet.');

  // Readers see the figure with its real size (nothing shifts as it loads), its caption and its credit.
  await publishNow(page);
  await page.goto(story.path);
  const figure = page.locator('.article__body figure');
  await expect(figure.locator('img')).toHaveAttribute('src', uploadedSrc!);
  await expect(figure.locator('img')).toHaveAttribute('width', '1200');
  await expect(figure.locator('img')).toHaveAttribute('height', '675');
  await expect(figure.locator('img')).toHaveAttribute('loading', 'lazy');
  await expect(figure.locator('img')).toHaveAttribute('alt', uploadedAlt);
  await expect(figure.locator('figcaption span')).toHaveText('Photo: Cy Rowe');
  // The browser loaded the picture from the library (the original or a width variant, docs/adr/0029; with srcset the
  // natural width is scaled to the slot, so it does not name the file).
  const loaded = await figure.locator('img').evaluate((element) => ({ src: (element as HTMLImageElement).currentSrc, complete: (element as HTMLImageElement).complete, width: (element as HTMLImageElement).naturalWidth }));
  expect(loaded.src).toMatch(/\/media\/[0-9a-f-]+(-w\d+)?\.webp$/);
  expect(loaded.complete && loaded.width > 0, loaded.src).toBe(true);
  await figure.scrollIntoViewIfNeeded();
  await shot(page, 'pictures-article-figure-1366');
  await page.setViewportSize({ width: 390, height: 844 });
  await figure.scrollIntoViewIfNeeded();
  const box = await figure.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await shot(page, 'pictures-article-figure-390');

  await page.goto(story.editorPath);
  await whenInteractive(page);
  await hero(page).scrollIntoViewIfNeeded();
  const heroBox = await hero(page).boundingBox();
  expect(heroBox!.x + heroBox!.width).toBeLessThanOrEqual(390);
  await shot(page, 'pictures-editor-picker-390');
  await deleteStory(page, story);
});

test('a picture in use cannot be deleted and the page says where; once nothing uses it, it is deleted with its file', async ({ page }) => {
  test.setTimeout(240_000);
  const marker = unique();
  await signInAs(page, 'editor', '/dashboard');
  const alt = `The lifeboat station roof ${marker}`;
  const src = await uploadToLibrary(page, alt, 'Photo: Dee Lane');
  const story = await createDraft(page, `Lifeboat station repaired ${marker}`, `Intro.\n\n![${alt}](${src} "The roof | Photo: Dee Lane")`);
  await whenInteractive(page);
  await hero(page).getByLabel('Search pictures').fill(marker);
  await grid(page).getByRole('radio', { name: alt }).check();
  await storyForm(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Saved at/)).toBeVisible();

  // The library's page for the picture says where it is used; the delete page refuses, with links.
  await page.goto('/dashboard/images');
  await page.getByRole('link', { name: `Edit details of “${alt}”` }).click();
  await expect(page).toHaveURL(/\/dashboard\/images\/\d+$/, { timeout: 15_000 });
  const detailsPath = new URL(page.url()).pathname;
  await expect(page.getByRole('region', { name: 'Where it is used' })).toContainText(story.headline);
  await page.getByRole('link', { name: /Delete this picture/ }).click();
  await expect(page.getByRole('heading', { name: 'This picture is in use' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Hero picture of' }).getByRole('link', { name: story.headline })).toHaveAttribute('href', `${story.editorPath}#hero-picture`);
  await expect(page.getByRole('region', { name: 'In the body of' }).getByRole('link', { name: story.headline })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete picture' })).toHaveCount(0);
  await expectAccessible(page, 'main');
  await page.setViewportSize({ width: 1366, height: 900 });
  await shot(page, 'pictures-delete-refused-1366');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'pictures-delete-refused-390');
  await page.setViewportSize({ width: 1280, height: 720 });

  // Remove both uses, then delete.
  await page.getByRole('region', { name: 'Hero picture of' }).getByRole('link', { name: story.headline }).click();
  await whenInteractive(page);
  await grid(page).getByRole('radio', { name: 'No hero picture' }).check();
  await storyField(page, 'Body (Markdown)').fill('Intro.');
  await storyForm(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/Saved at/)).toBeVisible();
  await page.goto(detailsPath);
  await expect(page.getByText('Nothing uses this picture')).toBeVisible();
  await page.getByRole('link', { name: /Delete this picture/ }).click();
  await page.getByLabel(/Yes, delete this picture/).check();
  await page.getByRole('button', { name: 'Delete picture' }).click();
  await expect(page.getByRole('status')).toHaveText('The picture was deleted from the library.');
  await expect(page.getByRole('link', { name: `Edit details of “${alt}”` })).toHaveCount(0);
  expect((await page.request.get(src)).status()).toBe(404);
  await deleteStory(page, story);
});

test('without JavaScript: searching the grid keeps what was typed, an upload comes back chosen, the body snippet is there to copy, and deleting works', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const marker = unique();
  await signInAs(page, 'editor', '/dashboard');
  const alt = `Sea wall at high tide ${marker}`;
  const src = await uploadToLibrary(page, alt, 'Photo: Eve Park');
  const story = await createDraft(page, `Sea wall holds ${marker}`);

  const plain = await plainPage(browser, 'editor', story.editorPath);
  await plain.goto(story.editorPath);
  await expect(plain.locator('form form')).toHaveCount(0);
  await storyField(plain, 'Standfirst').fill('Typed without JavaScript.');
  await hero(plain).getByLabel('Search pictures').fill(marker);
  await hero(plain).getByRole('button', { name: 'Search' }).click();
  // The story was saved on the way (nothing typed is lost), and the grid shows the match.
  await expect(plain).toHaveURL(new RegExp(`${story.editorPath}\\?pictures=${marker}#hero-picture$`));
  await expect(storyField(plain, 'Standfirst')).toHaveValue('Typed without JavaScript.');
  await expect(hero(plain).getByText(`1 picture match “${marker}”.`)).toBeVisible();
  // Enter in another field still saves the story (never a picture search).
  await grid(plain).getByRole('radio', { name: alt }).check();
  await storyField(plain, 'Alt text').fill(alt);
  await storyField(plain, 'Caption').fill('High water at noon');
  await storyField(plain, 'Caption').press('Enter');
  await plain.waitForLoadState();
  await plain.goto(story.editorPath);
  await expect(grid(plain).getByRole('radio', { name: alt })).toBeChecked();
  await expect(storyField(plain, 'Caption')).toHaveValue('High water at noon');

  // The Markdown for the body, to copy.
  const card = grid(plain).getByRole('listitem').filter({ hasText: alt });
  await card.getByText('Markdown for the body').click();
  await expect(card.locator('code')).toHaveText(`![${alt}](${src} "Caption | Photo: Eve Park")`);

  // Upload from the editor: a plain form post that comes back to the editor with the new picture chosen.
  const uploadedAlt = `Spray over the promenade ${marker}`;
  await hero(plain).getByText('Upload a new picture').click();
  await hero(plain).getByLabel('Image file').setInputFiles({ name: 'spray.png', mimeType: 'image/png', buffer: await png(640, 480, '#5d7c2f') });
  await hero(plain).getByLabel('Alternative text', { exact: true }).fill(uploadedAlt);
  await hero(plain).getByRole('button', { name: 'Upload and choose' }).click();
  await expect(plain).toHaveURL(new RegExp(`${story.editorPath}\\?uploaded=\\d+#hero-picture$`));
  await expect(hero(plain).getByRole('status')).toHaveText('The picture was uploaded and is chosen as the hero picture. Save the story to keep it.');
  await expect(grid(plain).getByRole('radio', { name: new RegExp(uploadedAlt) })).toBeChecked();
  const uploadedSrc = await grid(plain).getByRole('listitem').filter({ hasText: uploadedAlt }).locator('img').getAttribute('src');
  stored.push(uploadedSrc!);
  const uploadedId = new URL(plain.url()).searchParams.get('uploaded')!;
  // A refused upload comes back to the editor's upload form with the reason and the typed alt text.
  await hero(plain).getByText('Upload a new picture').click();
  await hero(plain).getByLabel('Alternative text', { exact: true }).fill('No file chosen');
  await hero(plain).getByRole('button', { name: 'Upload and choose' }).click();
  await expect(plain).toHaveURL(/#picture-upload$/);
  await expect(hero(plain).getByRole('alert')).toContainText('Choose an image file to upload.');
  await expect(hero(plain).getByLabel('Alternative text', { exact: true })).toHaveValue('No file chosen');
  await plain.setViewportSize({ width: 390, height: 844 });
  await hero(plain).scrollIntoViewIfNeeded();
  await shot(plain, 'pictures-editor-picker-no-js-390');

  // Deleting without JavaScript: the uploaded picture is unused (it was never saved as the hero).
  await plain.goto(`/dashboard/images/${uploadedId}`);
  await plain.getByRole('link', { name: /Delete this picture/ }).click();
  await plain.getByRole('button', { name: 'Delete picture' }).click();
  // The browser's own check insists on the box; ticked, the post goes through.
  await expect(plain).toHaveURL(/\/delete$/);
  await plain.getByLabel(/Yes, delete this picture/).check();
  await plain.getByRole('button', { name: 'Delete picture' }).click();
  await expect(plain.getByRole('status')).toHaveText('The picture was deleted from the library.');
  await plain.context().close();
  await deleteStory(page, story);
});
