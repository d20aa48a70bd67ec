import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mediaDir, resetEnvForTests } from '@/lib/env';
import { makeVariants } from '@/lib/image-variant-files';

const { GET } = await import('./route');

const previousDataDir = process.env.DATA_DIR;
const ORIGINAL = 'c0ffee00-1111-4222-8333-444455556666.webp';
beforeAll(async () => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-route-test-'));
  resetEnvForTests();
  fs.mkdirSync(mediaDir(), { recursive: true });
  const bytes = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#336699' } }).webp().toBuffer();
  fs.writeFileSync(path.join(mediaDir(), ORIGINAL), bytes);
  await makeVariants(mediaDir(), { fileName: ORIGINAL, width: 700, height: 400 }, bytes);
  fs.writeFileSync(path.join(mediaDir(), 'secret.txt'), 'not an image');
});
afterAll(() => {
  const dataDir = process.env.DATA_DIR!;
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  resetEnvForTests();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const get = (file: string) => GET(new Request(`http://localhost/media/${encodeURIComponent(file)}`), { params: Promise.resolve({ file }) });

describe('GET /media/[file]', () => {
  it('serves a width variant as WebP, cached for good, sniffing off', async () => {
    const response = await get(ORIGINAL.replace('.webp', '-w320.webp'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([metadata.format, metadata.width]).toEqual(['webp', 320]);
  });

  it('answers a missing variant with its original, cached only briefly', async () => {
    fs.rmSync(path.join(mediaDir(), ORIGINAL.replace('.webp', '-w480.webp')));
    const response = await get(ORIGINAL.replace('.webp', '-w480.webp'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(metadata.width).toBe(700);
  });

  it('answers 404 to a variant of no picture and to hostile or unknown names', async () => {
    for (const file of ['nothing-here-w320.webp', '../secret.txt', 'secret.txt', '..%2Fsecret.txt', `${ORIGINAL}/x`, '.hidden.webp', `${ORIGINAL.replace('.webp', '-w320.svg')}`, 'a'.repeat(300) + '.webp', '']) {
      const response = await get(file);
      expect(response.status, file).toBe(404);
      expect(response.headers.get('content-type'), file).toBe('text/plain; charset=utf-8');
    }
  });
});
