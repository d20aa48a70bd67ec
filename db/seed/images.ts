/**
 * Renders the demo illustrations to WebP files with sharp. Everything runs locally: no network, no fonts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';

import { makeVariants } from '../../lib/image-variant-files';
import type { ImageVariant } from '../../lib/image-variants';
import type { ImageJob } from './illustrations';

/** What the `images` table needs to know about a written file. */
export type GeneratedImage = {
  fileName: string;
  mimeType: 'image/webp';
  width: number;
  height: number;
  byteSize: number;
  alt: string;
  /** Its width variants (docs/adr/0029), made here like an upload's. */
  variants: ImageVariant[];
};

const WEBP_QUALITY = 70;
// Two cores render four SVGs at a time comfortably; more only adds memory.
const DEFAULT_CONCURRENCY = 4;

async function render(directory: string, job: ImageJob): Promise<GeneratedImage> {
  // Drawn once into raw pixels: the original and every width variant are encoded from those (not from a lossy file).
  const pixels = await sharp(Buffer.from(job.svg)).raw().toBuffer({ resolveWithObject: true });
  const raw = { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels };
  const data = await sharp(pixels.data, { raw }).webp({ quality: WEBP_QUALITY, effort: 4 }).toBuffer();
  await fs.writeFile(path.join(directory, job.fileName), data);
  // A re-seed over old files overwrites them.
  const variants = await makeVariants(directory, job, pixels.data, { quality: WEBP_QUALITY, overwrite: true, raw });
  return {
    fileName: job.fileName,
    mimeType: 'image/webp',
    width: job.width,
    height: job.height,
    byteSize: data.byteLength,
    alt: job.alt,
    variants,
  };
}

/** Renders every job into `directory` (created if missing), a few at a time, keeping the jobs' order. */
export async function renderImages(
  directory: string,
  jobs: readonly ImageJob[],
  concurrency = DEFAULT_CONCURRENCY,
): Promise<GeneratedImage[]> {
  await fs.mkdir(directory, { recursive: true });
  const results: GeneratedImage[] = new Array(jobs.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < jobs.length) {
      const index = nextIndex++;
      results[index] = await render(directory, jobs[index] as ImageJob);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return results;
}
