/**
 * Renders the demo illustrations to WebP files with sharp. Everything runs locally: no network, no fonts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';

import { AVATAR_SIZE, avatarSvg, HERO_HEIGHT, HERO_WIDTH, heroSvg } from './illustrations';
import type { Random } from './random';

export type ImageJob = { fileName: string; svg: string; width: number; height: number; alt: string };

/** What the `images` table needs to know about a written file. */
export type GeneratedImage = {
  fileName: string;
  mimeType: 'image/webp';
  width: number;
  height: number;
  byteSize: number;
  alt: string;
};

const WEBP_QUALITY = 70;
// Two cores render four SVGs at a time comfortably; more only adds memory.
const DEFAULT_CONCURRENCY = 4;

export function heroFileName(index: number): string {
  return `demo-hero-${String(index).padStart(4, '0')}.webp`;
}

export function avatarFileName(index: number): string {
  return `demo-avatar-${String(index).padStart(2, '0')}.webp`;
}

export function heroJob(random: Random, index: number, sectionSlug: string): ImageJob {
  const { svg, alt } = heroSvg(random, sectionSlug);
  return { fileName: heroFileName(index), svg, width: HERO_WIDTH, height: HERO_HEIGHT, alt };
}

export function avatarJob(random: Random, index: number, name: string): ImageJob {
  const { svg, alt } = avatarSvg(random, name);
  return { fileName: avatarFileName(index), svg, width: AVATAR_SIZE, height: AVATAR_SIZE, alt };
}

async function render(directory: string, job: ImageJob): Promise<GeneratedImage> {
  const data = await sharp(Buffer.from(job.svg)).webp({ quality: WEBP_QUALITY, effort: 4 }).toBuffer();
  await fs.writeFile(path.join(directory, job.fileName), data);
  return {
    fileName: job.fileName,
    mimeType: 'image/webp',
    width: job.width,
    height: job.height,
    byteSize: data.byteLength,
    alt: job.alt,
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
