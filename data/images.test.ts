import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

import { and, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, images } from '@/db/schema';
import { ForbiddenError, ImageRejectedError, NotFoundError } from '@/lib/errors';
import { mediaDir, resetEnvForTests } from '@/lib/env';
import { MAX_OUTPUT_DIMENSION, MAX_UPLOAD_BYTES, type UploadProblem } from '@/lib/images';
import { IMAGE_FIELD_MESSAGES } from '@/lib/validation/images';
import { createFactory } from '@/test/factories';

// data/viewer imports next-auth through @/auth; these tests pass viewers in directly.
vi.mock('@/auth', () => ({ auth: async () => null }));

import { getLibraryImage, getPicturePicker, listImageChoices, listImages, updateImageDetails, uploadImage } from './images';
import type { Viewer } from './viewer';

// Uploads go to a data directory of this file's own, so checks of "no file written" see only our files.
const previousDataDir = process.env.DATA_DIR;
let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-images-test-'));
  process.env.DATA_DIR = dataDir;
  resetEnvForTests();
});
afterAll(() => {
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  resetEnvForTests();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let factory: ReturnType<typeof createFactory>;
const madeImages: number[] = [];
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  if (madeImages.length) {
    const subjects = madeImages.map((id) => `image:${id}`);
    await getDb().delete(auditLog).where(inArray(auditLog.subject, subjects));
    await getDb().delete(images).where(inArray(images.id, madeImages));
    madeImages.length = 0;
  }
  await factory.cleanUp();
  fs.rmSync(mediaDir(), { recursive: true, force: true });
});

const storedFiles = () => (fs.existsSync(mediaDir()) ? fs.readdirSync(mediaDir()) : []);
const fileOf = (src: string) => path.join(mediaDir(), path.basename(src));

async function upload(viewer: Viewer | null, bytes: Uint8Array, alt = 'A test picture', credit = '') {
  const image = await uploadImage(viewer, { bytes, alt, credit });
  madeImages.push(image.id);
  return image;
}

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#2f5d7c' } });

/** What an upload of these bytes is refused with (and proof that nothing was stored). */
async function refusal(bytes: Uint8Array): Promise<UploadProblem | string> {
  const editor = await factory.user('editor');
  const before = await getDb().select({ id: images.id }).from(images).where(eq(images.uploadedBy, editor.id));
  expect(before).toHaveLength(0);
  const outcome = await upload(editor, bytes).then(
    () => 'accepted',
    (error: unknown) => (error instanceof ImageRejectedError ? error.reason : String(error)),
  );
  expect(await getDb().select({ id: images.id }).from(images).where(eq(images.uploadedBy, editor.id))).toHaveLength(0);
  expect(storedFiles()).toEqual([]);
  return outcome;
}

/** A PNG whose header claims `width` x `height` grey pixels, with a few bytes of pixel data: a decompression bomb's shape. */
function pngClaiming(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('uploadImage', () => {
  it('re-encodes a PNG as WebP, stores it under the media directory and records it with an audit entry', async () => {
    const editor = await factory.user('editor');
    const png = await solid(640, 480).png().toBuffer();
    const image = await upload(editor, png, '  Harbour wall at dusk  ', 'Photo: Ada Marsh');

    expect(image).toMatchObject({ width: 640, height: 480, alt: 'Harbour wall at dusk', credit: 'Photo: Ada Marsh', uploaderName: editor.name });
    expect(image.src).toMatch(/^\/media\/[0-9a-f-]{36}\.webp$/);
    const stored = fs.readFileSync(fileOf(image.src));
    expect(stored.byteLength).toBe(image.byteSize);
    expect((await sharp(stored).metadata()).format).toBe('webp');

    const [row] = await getDb().select().from(images).where(eq(images.id, image.id));
    expect(row).toMatchObject({ mimeType: 'image/webp', uploadedBy: editor.id, width: 640, height: 480, byteSize: stored.byteLength });
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.subject, `image:${image.id}`));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: editor.id, action: 'image.upload' });
  });

  it('takes JPEG, WebP and AVIF from contributors and admins alike', async () => {
    const contributor = await factory.user('contributor');
    const admin = await factory.user('admin');
    const jpeg = await upload(contributor, await solid(300, 200).jpeg().toBuffer());
    const webp = await upload(admin, await solid(300, 200).webp().toBuffer());
    const avif = await upload(admin, await solid(300, 200).avif().toBuffer());
    for (const image of [jpeg, webp, avif]) expect(image).toMatchObject({ width: 300, height: 200 });
  });

  it('strips EXIF and GPS metadata, and drops whatever was appended after the picture', async () => {
    const editor = await factory.user('editor');
    const jpeg = await solid(400, 300)
      .jpeg()
      .withExif({ IFD0: { Artist: 'Secret Photographer', Copyright: 'Secret' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' } })
      .toBuffer();
    const input = await sharp(jpeg).metadata();
    expect(input.exif?.toString('latin1')).toContain('Secret Photographer');
    const polyglot = Buffer.concat([jpeg, Buffer.from('<html><script>alert(1)</script></html>')]);

    const image = await upload(editor, polyglot);
    const stored = fs.readFileSync(fileOf(image.src));
    const output = await sharp(stored).metadata();
    expect(output.exif).toBeUndefined();
    expect(output.xmp).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain('Secret');
    expect(stored.toString('latin1')).not.toContain('<script');
  });

  it('turns a picture the right way up from its EXIF orientation before dropping it', async () => {
    const editor = await factory.user('editor');
    const sideways = await solid(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const image = await upload(editor, sideways);
    expect(image).toMatchObject({ width: 200, height: 400 });
  });

  it(`fits large pictures inside ${MAX_OUTPUT_DIMENSION} pixels and never enlarges small ones`, async () => {
    const editor = await factory.user('editor');
    const big = await upload(editor, await solid(4000, 3000).jpeg().toBuffer());
    expect(big).toMatchObject({ width: MAX_OUTPUT_DIMENSION, height: 1800 });
    const tall = await upload(editor, await solid(1000, 5000).png().toBuffer());
    expect(tall).toMatchObject({ width: 480, height: MAX_OUTPUT_DIMENSION });
    const small = await upload(editor, await solid(32, 24).png().toBuffer());
    expect(small).toMatchObject({ width: 32, height: 24 });
  });

  it('refuses an SVG (even one with an image file name in mind)', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100"/></svg>');
    expect(await refusal(svg)).toBe('unsupported-type');
  });

  it('refuses a GIF', async () => {
    expect(await refusal(await solid(50, 50).gif().toBuffer())).toBe('unsupported-type');
  });

  it('refuses a text file, whatever it was called', async () => {
    expect(await refusal(Buffer.from('This is a plain text file called holiday.jpg, not a picture.\n'))).toBe('not-image');
  });

  it('refuses an HTML page', async () => {
    expect(await refusal(Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'))).toBe('not-image');
  });

  it('refuses a truncated JPEG', async () => {
    const jpeg = await solid(800, 600).jpeg().toBuffer();
    expect(await refusal(jpeg.subarray(0, Math.floor(jpeg.byteLength / 2)))).toBe('damaged');
  });

  it('refuses an empty file', async () => {
    expect(await refusal(new Uint8Array(0))).toBe('missing-file');
  });

  it(`refuses a file just over ${MAX_UPLOAD_BYTES} bytes before looking inside it`, async () => {
    const png = await solid(100, 100).png().toBuffer();
    const oversized = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    png.copy(oversized);
    expect(await refusal(oversized)).toBe('too-large');
  });

  it('refuses a picture whose header claims more pixels than the limit, without decoding it', async () => {
    expect(await refusal(pngClaiming(8_000, 8_000))).toBe('too-many-pixels');
    expect(await refusal(pngClaiming(40_000, 40_000))).toBe('too-many-pixels');
  });

  it('refuses missing or overlong alt text and credit, whoever calls', async () => {
    const editor = await factory.user('editor');
    const png = await solid(40, 40).png().toBuffer();
    await expect(upload(editor, png, '   ')).rejects.toMatchObject({ name: 'InvalidInputError', field: 'alt', message: IMAGE_FIELD_MESSAGES['alt-missing'] });
    await expect(upload(editor, png, 'x'.repeat(301))).rejects.toMatchObject({ name: 'InvalidInputError', field: 'alt', message: IMAGE_FIELD_MESSAGES['alt-too-long'] });
    await expect(upload(editor, png, 'Fine', 'c'.repeat(201))).rejects.toMatchObject({ name: 'InvalidInputError', field: 'credit', message: IMAGE_FIELD_MESSAGES['credit-too-long'] });
    expect(storedFiles()).toEqual([]);
  });

  it('says what is wrong in words an editor understands', async () => {
    const editor = await factory.user('editor');
    await expect(upload(editor, Buffer.from('not a picture'))).rejects.toThrow('not an image we can read');
    await expect(upload(editor, Buffer.alloc(MAX_UPLOAD_BYTES + 1))).rejects.toThrow('larger than 10 MB');
  });

  it('refuses anonymous and disabled visitors (null), readers, and writes nothing', async () => {
    const png = await solid(64, 64).png().toBuffer();
    await expect(upload(null, png)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(upload(await factory.user('reader'), png)).rejects.toBeInstanceOf(ForbiddenError);
    expect(storedFiles()).toEqual([]);
  });

  it('removes the stored file when the database refuses the row', async () => {
    // A viewer whose account does not exist: the insert fails on the uploaded_by foreign key.
    const ghost: Viewer = { id: '00000000-0000-4000-8000-000000000000', name: 'Ghost', role: 'editor' };
    await expect(uploadImage(ghost, { bytes: await solid(64, 64).png().toBuffer(), alt: 'Ghost', credit: '' })).rejects.toMatchObject({ cause: { code: '23503' } });
    expect(storedFiles()).toEqual([]);
  });
});

describe('listImages, getLibraryImage, listImageChoices', () => {
  it('lists newest first and searches alt text and credit, treating % and _ literally', async () => {
    const editor = await factory.user('editor');
    const marker = `m${Date.now().toString(36)}`;
    const first = await upload(editor, await solid(40, 40).png().toBuffer(), `${marker} lighthouse in fog`);
    const second = await upload(editor, await solid(40, 40).png().toBuffer(), `${marker} fishing boats`, 'Photo: 100% Harbour Agency');

    const all = await listImages(editor, { q: marker });
    expect(all.items.map((image) => image.id)).toEqual([second.id, first.id]);
    expect(all.total).toBe(2);
    expect((await listImages(editor, { q: `${marker} lighthouse` })).items.map((image) => image.id)).toEqual([first.id]);
    expect((await listImages(editor, { q: '100% Harbour' })).items.map((image) => image.id)).toEqual([second.id]);
    expect((await listImages(editor, { q: `${marker}%` })).total).toBe(0);
    expect((await listImages(editor)).items[0]!.id).toBe(second.id);

    expect(await getLibraryImage(editor, first.id)).toMatchObject({ id: first.id, alt: `${marker} lighthouse in fog` });
    expect(await getLibraryImage(editor, 2_000_000_000)).toBeNull();
    // 40 px pictures have no narrower variants: the library offers the original alone.
    expect((await getLibraryImage(editor, first.id))?.srcSet).toBeNull();
    expect((await listImageChoices(editor)).slice(0, 2).map((choice) => choice.id)).toEqual([second.id, first.id]);
    // A record's own picture is always offered, even when it is older than the newest `limit`.
    expect((await listImageChoices(editor, { current: first.id, limit: 1 })).map((choice) => choice.id)).toEqual([first.id]);
  });

  it('offers the width variants of a picture that has them, for the library and the picker', async () => {
    const editor = await factory.user('editor');
    const wide = await upload(editor, await solid(1000, 500).png().toBuffer(), `wide ${Date.now().toString(36)}`);
    const srcSet = (await getLibraryImage(editor, wide.id))?.srcSet ?? '';
    expect(srcSet).toMatch(/-w160\.webp 160w, .*-w320\.webp 320w, .* 1000w$/);
    const picker = await getPicturePicker(editor, { q: '', page: 1, chosenId: wide.id, justUploaded: false });
    expect(picker.chosen?.srcSet).toBe(srcSet);
  });

  it('is closed to readers and anonymous visitors', async () => {
    await expect(listImages(null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listImages(await factory.user('reader'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listImageChoices(null)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('updateImageDetails', () => {
  it('changes alt text and credit and records before and after', async () => {
    const contributor = await factory.user('contributor');
    const image = await upload(contributor, await solid(40, 40).png().toBuffer(), 'Old words', 'Old credit');
    await updateImageDetails(contributor, image.id, { alt: 'New words', credit: '' });
    expect(await getLibraryImage(contributor, image.id)).toMatchObject({ alt: 'New words', credit: '' });
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'image.update'), eq(auditLog.subject, `image:${image.id}`)));
    expect(entry).toMatchObject({ actorId: contributor.id, before: { alt: 'Old words', credit: 'Old credit' }, after: { alt: 'New words', credit: '' } });
  });

  it('refuses readers and anonymous visitors, and unknown images', async () => {
    const editor = await factory.user('editor');
    const image = await upload(editor, await solid(40, 40).png().toBuffer(), 'Keep me');
    await expect(updateImageDetails(null, image.id, { alt: 'x', credit: '' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateImageDetails(await factory.user('reader'), image.id, { alt: 'x', credit: '' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateImageDetails(editor, 2_000_000_000, { alt: 'x', credit: '' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getLibraryImage(editor, image.id)).toMatchObject({ alt: 'Keep me' });
  });
});
