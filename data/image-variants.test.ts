import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, images } from '@/db/schema';
import { mediaDir, resetEnvForTests } from '@/lib/env';
import { variantFileName } from '@/lib/image-variants';
import { createFactory } from '@/test/factories';

// data/viewer imports next-auth through @/auth; these tests pass viewers in directly.
vi.mock('@/auth', () => ({ auth: async () => null }));

import { backfillImageVariants } from './image-variants';
import { uploadImage } from './images';

const previousDataDir = process.env.DATA_DIR;
beforeAll(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-variants-test-'));
  resetEnvForTests();
});
afterAll(() => {
  const dataDir = process.env.DATA_DIR!;
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
    await getDb().delete(auditLog).where(inArray(auditLog.subject, madeImages.map((id) => `image:${id}`)));
    await getDb().delete(images).where(inArray(images.id, madeImages));
    madeImages.length = 0;
  }
  await factory.cleanUp();
  fs.rmSync(mediaDir(), { recursive: true, force: true });
});

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3a6f8f' } })
    .composite([{ input: { create: { width: Math.round(width / 3), height: Math.round(height / 3), channels: 3, background: '#f0c040' } }, top: 10, left: 10 }])
    .jpeg()
    .toBuffer();

describe('uploads make width variants', () => {
  it('writes a WebP of every width narrower than the picture, records each with its real size, and never enlarges', async () => {
    const editor = await factory.user('editor');
    const image = await uploadImage(editor, { bytes: await photo(1000, 600), alt: 'A harbour', credit: '' });
    madeImages.push(image.id);
    const [row] = await getDb().select().from(images).where(eq(images.id, image.id));
    expect(row!.variants.map((variant) => [variant.width, variant.height, variant.format])).toEqual([
      [160, 96, 'webp'],
      [320, 192, 'webp'],
      [480, 288, 'webp'],
      [640, 384, 'webp'],
      [800, 480, 'webp'],
      [960, 576, 'webp'],
    ]);
    for (const variant of row!.variants) {
      expect(variant.fileName).toBe(variantFileName(image.fileName, variant.width));
      const bytes = fs.readFileSync(path.join(mediaDir(), variant.fileName));
      expect(bytes.byteLength).toBe(variant.byteSize);
      const metadata = await sharp(bytes).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(['webp', variant.width, variant.height]);
    }
    // Each is smaller than the next, and all are smaller than the original.
    const sizes = row!.variants.map((variant) => variant.byteSize);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(sizes.at(-1)!).toBeLessThan(row!.byteSize);
  });

  it('makes none for a picture no wider than the narrowest variant', async () => {
    const editor = await factory.user('editor');
    const image = await uploadImage(editor, { bytes: await photo(150, 150), alt: 'A stamp', credit: '' });
    madeImages.push(image.id);
    const [row] = await getDb().select({ variants: images.variants }).from(images).where(eq(images.id, image.id));
    expect(row!.variants).toEqual([]);
    expect(fs.readdirSync(mediaDir())).toEqual([image.fileName]);
  });
});

describe('backfillImageVariants', () => {
  it('makes the variants of pictures stored without them, skips a missing original, and leaves made sets alone', async () => {
    const editor = await factory.user('editor');
    const uploaded = await uploadImage(editor, { bytes: await photo(700, 700), alt: 'Already made', credit: '' });
    madeImages.push(uploaded.id);
    const [before] = await getDb().select({ variants: images.variants }).from(images).where(eq(images.id, uploaded.id));

    // An old picture: the original on disk, no variants recorded (as every row was before migration 0012).
    const oldName = `old-picture-${Date.now()}.webp`;
    const oldBytes = await sharp(await photo(500, 250)).webp().toBuffer();
    fs.writeFileSync(path.join(mediaDir(), oldName), oldBytes);
    const lostName = `lost-picture-${Date.now()}.webp`;
    const rows = await getDb()
      .insert(images)
      .values([
        { fileName: oldName, mimeType: 'image/webp', width: 500, height: 250, byteSize: oldBytes.byteLength, alt: 'Old' },
        { fileName: lostName, mimeType: 'image/webp', width: 900, height: 300, byteSize: 1, alt: 'Lost' },
      ])
      .returning({ id: images.id, fileName: images.fileName });
    madeImages.push(...rows.map((row) => row.id));

    const result = await backfillImageVariants();
    expect(result.missing).toContain(lostName);
    expect(result.failed).toEqual([]);
    const [old] = await getDb().select({ variants: images.variants }).from(images).where(eq(images.fileName, oldName));
    expect(old!.variants.map((variant) => `${variant.width}x${variant.height}`)).toEqual(['160x80', '320x160', '480x240']);
    for (const variant of old!.variants) expect(fs.existsSync(path.join(mediaDir(), variant.fileName))).toBe(true);
    const [lost] = await getDb().select({ variants: images.variants }).from(images).where(eq(images.fileName, lostName));
    expect(lost!.variants).toEqual([]);
    const [after] = await getDb().select({ variants: images.variants }).from(images).where(eq(images.id, uploaded.id));
    expect(after!.variants).toEqual(before!.variants);

    // A second run has nothing left to make but the lost one.
    const again = await backfillImageVariants();
    expect(again.made).toBe(0);
    expect(again.missing).toContain(lostName);
  });
});
