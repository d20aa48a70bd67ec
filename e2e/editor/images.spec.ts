import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';

import { registerReader } from '../support/desk';
import { signInAs } from '../support/sign-in';

const unique = () => randomBytes(4).toString('hex');
const MB = 1024 * 1024;

// The server stores uploads under the same data directory (e2e/serve.ts); its database is dropped at the end, so
// the files this suite made are removed here.
const stored: string[] = [];
test.afterAll(() => {
  for (const src of stored) fs.rmSync(path.join(path.resolve(process.env.DATA_DIR ?? './.data'), 'media', path.basename(src)), { force: true });
});

async function png(width = 900, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#7c2f4a' } }).png().toBuffer();
}

/** An oversized "file": a real PNG at the start, then padding up to `bytes`. */
async function oversized(bytes: number): Promise<Buffer> {
  const buffer = Buffer.alloc(bytes);
  (await png(64, 64)).copy(buffer);
  return buffer;
}

/** The form's own alert (Next's route announcer is an alert too). */
const refusal = (page: Page) => page.getByRole('alert').filter({ hasText: 'The image was not uploaded.' });

async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel('Image file').setInputFiles(file);
}

async function editorWithoutJavaScript(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, 'editor', '/dashboard/images');
  return page;
}

test('an editor uploads a PNG with alt text; it is first in the library and served as WebP with nosniff', async ({ page }) => {
  const alt = `A red test card ${unique()}`;
  await signInAs(page, 'editor', '/dashboard/images');
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();

  await chooseFile(page, { name: 'red card.png', mimeType: 'image/png', buffer: await png() });
  await page.getByLabel('Alternative text').fill(alt);
  await page.getByLabel('Credit (optional)').fill('Photo: The e2e suite');
  await page.getByRole('button', { name: 'Upload image' }).click();

  await expect(page.getByRole('status')).toHaveText('The image was uploaded and is first in the library.');
  const first = page.getByRole('list').filter({ has: page.getByRole('img') }).getByRole('listitem').first();
  await expect(first.getByRole('img', { name: alt })).toBeVisible();
  await expect(first).toContainText(alt);
  await expect(first).toContainText('Photo: The e2e suite');
  await expect(first).toContainText('900 × 600');

  const src = await first.getByRole('img', { name: alt }).getAttribute('src');
  expect(src).toMatch(/^\/media\/[0-9a-f-]+\.webp$/);
  stored.push(src!);
  const response = await page.request.get(src!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/webp');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect((await sharp(await response.body()).metadata()).format).toBe('webp');

  // The search finds it by its alt text.
  await page.getByLabel('Search alt text and credits').fill(alt);
  await page.getByRole('search', { name: 'Image library' }).getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('1 image matching')).toBeVisible();
});

test('a file that is not an image is refused with a clear message, and the alt text is kept', async ({ page }) => {
  await signInAs(page, 'editor', '/dashboard/images');
  await chooseFile(page, { name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Just some text pretending to be a photo.\n') });
  await page.getByLabel('Alternative text').fill('Not really a holiday photo');
  await page.getByRole('button', { name: 'Upload image' }).click();

  await expect(refusal(page)).toContainText('That file is not an image we can read.');
  await expect(page.getByLabel('Image file')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Alternative text')).toHaveValue('Not really a holiday photo');

  await chooseFile(page, { name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>') });
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(refusal(page)).toContainText('That kind of image is not accepted');
});

test('missing alt text is refused beside its field, without JavaScript', async ({ browser }) => {
  const page = await editorWithoutJavaScript(browser);
  await chooseFile(page, { name: 'card.png', mimeType: 'image/png', buffer: await png(40, 40) });
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(page.getByLabel('Alternative text')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('alternative text is required')).toBeVisible();
  await page.context().close();
});

test('an 11 MB file is refused before it is sent, with JavaScript', async ({ page }) => {
  await signInAs(page, 'editor', '/dashboard/images');
  await chooseFile(page, { name: 'huge.png', mimeType: 'image/png', buffer: await oversized(11 * MB) });
  await page.getByLabel('Alternative text').fill('Too big');
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(refusal(page)).toContainText('That file is larger than 10 MB.');
  await expect(page).toHaveURL('/dashboard/images');
});

for (const size of [11, 30]) {
  test(`a file of ${size} MB is refused by the server with a clear message and what was typed is kept, without JavaScript`, async ({ browser }) => {
    // Sending 30 MB through a browser form takes a while on a loaded machine.
    test.setTimeout(60_000);
    const page = await editorWithoutJavaScript(browser);
    await chooseFile(page, { name: 'huge.png', mimeType: 'image/png', buffer: await oversized(size * MB) });
    await page.getByLabel('Alternative text').fill('Gulls over the harbour wall — too big');
    await page.getByLabel('Credit (optional)').fill('Photo: Ada Marsh');
    await page.getByRole('button', { name: 'Upload image' }).click();
    await expect(page).toHaveURL(/fileError=too-large/);
    await expect(refusal(page)).toContainText('That file is larger than 10 MB.');
    await expect(page.getByLabel('Image file')).toHaveAttribute('aria-invalid', 'true');
    // What was typed beside the file comes back, so only the file needs choosing again.
    await expect(page.getByLabel('Alternative text')).toHaveValue('Gulls over the harbour wall — too big');
    await expect(page.getByLabel('Credit (optional)')).toHaveValue('Photo: Ada Marsh');
    await page.context().close();
  });
}

test('a 30 MB post straight to the upload route gets the same answer', async ({ page, baseURL }) => {
  await signInAs(page, 'editor', '/dashboard/images');
  const response = await page.request.post('/api/images', {
    headers: { Origin: baseURL! },
    multipart: { file: { name: 'huge.png', mimeType: 'image/png', buffer: await oversized(30 * MB) }, alt: 'Too big' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe('/dashboard/images?fileError=too-large&alt=Too+big');
});

test('a reader gets not-found for the library and cannot upload by posting directly; nor can another site', async ({ page, baseURL }) => {
  const email = `reader-${unique()}@example.org`;
  await registerReader(page, { name: 'Rory Reader', email, password: 'a long enough password' }, '/');

  // The not-found page (with status 200: a streamed page cannot change its status, docs/adr/0001).
  await page.goto('/dashboard/images');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toHaveCount(0);
  await expect(page.getByLabel('Image file')).toHaveCount(0);

  const alt = `Reader upload ${unique()}`;
  const post = await page.request.post('/api/images', {
    headers: { Origin: baseURL! },
    multipart: { file: { name: 'card.png', mimeType: 'image/png', buffer: await png(40, 40) }, alt },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(403);

  // An editor's own browser, tricked by another site into posting: refused before anything is read.
  await page.context().clearCookies();
  await signInAs(page, 'editor', '/dashboard/images');
  const forged = await page.request.post('/api/images', {
    headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    multipart: { file: { name: 'card.png', mimeType: 'image/png', buffer: await png(40, 40) }, alt },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);

  await page.goto(`/dashboard/images?q=${encodeURIComponent(alt)}`);
  await expect(page.getByText(`No images match “${alt}”.`)).toBeVisible();
});
