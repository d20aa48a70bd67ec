import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, images } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { createFactory } from '@/test/factories';
import { signInAs } from '@/test/stubs/auth';

// The handler finds its caller through auth(): tests say who is "signed in" (with a live server-side session).
vi.mock('@/auth', () => import('@/test/stubs/auth'));

const { POST } = await import('./route');

const ORIGIN = 'http://localhost:3000';
const previousDataDir = process.env.DATA_DIR;
const previousSiteUrl = process.env.SITE_URL;
let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-upload-route-test-'));
  process.env.DATA_DIR = dataDir;
  process.env.SITE_URL = ORIGIN;
  resetEnvForTests();
});
afterAll(() => {
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  if (previousSiteUrl === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = previousSiteUrl;
  resetEnvForTests();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
  signInAs(null);
});
afterEach(async () => {
  fs.rmSync(path.join(dataDir, 'media'), { recursive: true, force: true });
  await factory.cleanUp();
});

const mediaFiles = () => (fs.existsSync(path.join(dataDir, 'media')) ? fs.readdirSync(path.join(dataDir, 'media')) : []);
const png = () => sharp({ create: { width: 120, height: 80, channels: 3, background: '#204060' } }).png().toBuffer();

function upload(fields: { file?: Blob; alt?: string; credit?: string }, headers: Record<string, string> = { origin: ORIGIN, 'sec-fetch-site': 'same-origin' }) {
  const form = new FormData();
  if (fields.file) form.set('file', fields.file, 'upload.png');
  if (fields.alt !== undefined) form.set('alt', fields.alt);
  if (fields.credit !== undefined) form.set('credit', fields.credit);
  return POST(new Request(`${ORIGIN}/api/images`, { method: 'POST', body: form, headers }));
}

async function signedIn(role: 'reader' | 'contributor' | 'editor') {
  const viewer = await factory.user(role);
  signInAs(viewer);
  return viewer;
}

describe('POST /api/images', () => {
  it('stores an upload from a contributor and redirects back to the library', async () => {
    const contributor = await signedIn('contributor');
    const response = await upload({ file: new Blob([await png()], { type: 'image/png' }), alt: 'A blue card', credit: 'Test' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/dashboard\/images\?uploaded=\d+$/);
    const id = Number(location.split('=')[1]);
    const [row] = await getDb().select().from(images).where(eq(images.id, id));
    expect(row).toMatchObject({ uploadedBy: contributor.id, alt: 'A blue card', credit: 'Test', mimeType: 'image/webp', width: 120, height: 80 });
    expect(mediaFiles()).toContain(row!.fileName);
    await getDb().delete(auditLog).where(inArray(auditLog.subject, [`image:${id}`]));
    await getDb().delete(images).where(eq(images.id, id));
  });

  it('answers a non-image, a missing file and missing alt text with codes for the form, keeping what was typed', async () => {
    await signedIn('editor');
    const text = await upload({ file: new Blob(['plain text, named like a photo'], { type: 'image/jpeg' }), alt: 'My alt' });
    expect(text.headers.get('location')).toBe('/dashboard/images?fileError=not-image&alt=My+alt');
    const nothing = await upload({ alt: '' });
    expect(nothing.headers.get('location')).toBe('/dashboard/images?fileError=missing-file&altError=alt-missing');
    const noAlt = await upload({ file: new Blob([await png()]), alt: '   ', credit: 'Kept' });
    expect(noAlt.headers.get('location')).toBe('/dashboard/images?altError=alt-missing&credit=Kept');
    expect(mediaFiles()).toEqual([]);
  });

  it('refuses a 30 MB body as too large without keeping it, and gives back the typed alt text', async () => {
    await signedIn('editor');
    const response = await upload({ file: new Blob([new Uint8Array(30 * 1024 * 1024)]), alt: 'Huge' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard/images?fileError=too-large&alt=Huge');
    expect(mediaFiles()).toEqual([]);
  });

  it('sends anonymous visitors to sign in and refuses readers', async () => {
    const file = new Blob([await png()]);
    const anonymous = await upload({ file, alt: 'x' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?callbackUrl=%2Fdashboard%2Fimages');
    await signedIn('reader');
    expect((await upload({ file, alt: 'x' })).status).toBe(403);
    expect(mediaFiles()).toEqual([]);
  });

  it('refuses cross-site posts and posts that do not say where they come from, even from an editor', async () => {
    await signedIn('editor');
    const file = new Blob([await png()]);
    expect((await upload({ file, alt: 'x' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await upload({ file, alt: 'x' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload({ file, alt: 'x' }, {})).status).toBe(403);
    expect(mediaFiles()).toEqual([]);
  });
});

describe('POST /api/images from the story editor', () => {
  function uploadFromEditor(fields: { file?: Blob; alt?: string }, query: string, accept?: string) {
    const form = new FormData();
    if (fields.file) form.set('file', fields.file, 'upload.png');
    if (fields.alt !== undefined) form.set('alt', fields.alt);
    form.set('credit', '');
    const headers: Record<string, string> = { origin: ORIGIN, 'sec-fetch-site': 'same-origin' };
    if (accept) headers.accept = accept;
    return POST(new Request(`${ORIGIN}/api/images${query}`, { method: 'POST', body: form, headers }));
  }

  async function forget(id: number) {
    await getDb().delete(auditLog).where(inArray(auditLog.subject, [`image:${id}`]));
    await getDb().delete(images).where(eq(images.id, id));
  }

  it('without JavaScript, goes back to the editor it came from with the picture chosen, or to its upload form with the reason', async () => {
    await signedIn('editor');
    const done = await uploadFromEditor({ file: new Blob([await png()], { type: 'image/png' }), alt: 'From the editor' }, '?returnTo=%2Fdashboard%2Farticles%2F42');
    expect(done.status).toBe(303);
    const location = done.headers.get('location')!;
    expect(location).toMatch(/^\/dashboard\/articles\/42\?uploaded=\d+#hero-picture$/);
    await forget(Number(/uploaded=(\d+)/.exec(location)![1]));

    const refused = await uploadFromEditor({ alt: 'No file' }, '?returnTo=%2Fdashboard%2Farticles%2Fnew');
    expect(refused.headers.get('location')).toBe('/dashboard/articles/new?fileError=missing-file&alt=No+file#picture-upload');
  });

  it('never sends the browser anywhere but a story editor or the library', async () => {
    await signedIn('editor');
    for (const returnTo of ['https://evil.example/', '//evil.example', '/dashboard/people', '/dashboard/articles/1/../../people', '/dashboard/articles/12?x=1']) {
      const refused = await uploadFromEditor({ alt: 'x' }, `?returnTo=${encodeURIComponent(returnTo)}`);
      expect(refused.headers.get('location')).toMatch(/^\/dashboard\/images\?/);
    }
  });

  it('with JavaScript (asked for JSON), answers with the new picture, or with the messages', async () => {
    const editor = await signedIn('editor');
    const done = await uploadFromEditor({ file: new Blob([await png()], { type: 'image/png' }), alt: 'Sent in the background' }, '?returnTo=%2Fdashboard%2Farticles%2F7', 'application/json');
    expect(done.status).toBe(201);
    const body = (await done.json()) as { ok: true; picture: { id: number; src: string; alt: string; width: number; height: number } };
    expect(body).toMatchObject({ ok: true, picture: { alt: 'Sent in the background', credit: '', width: 120, height: 80 } });
    expect(body.picture.src).toMatch(/^\/media\/[0-9a-f-]+\.webp$/);
    const [row] = await getDb().select({ uploadedBy: images.uploadedBy }).from(images).where(eq(images.id, body.picture.id));
    expect(row?.uploadedBy).toBe(editor.id);
    await forget(body.picture.id);

    const filesBefore = mediaFiles();
    const refused = await uploadFromEditor({ file: new Blob([await png()], { type: 'image/png' }), alt: '' }, '', 'application/json');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ ok: false, fieldErrors: { alt: ['Describe the picture for readers who cannot see it: alternative text is required.'] } });
    expect(mediaFiles()).toEqual(filesBefore);

    signInAs(null);
    const signedOut = await uploadFromEditor({ alt: 'x' }, '', 'application/json');
    expect(signedOut.status).toBe(401);
  });
});
