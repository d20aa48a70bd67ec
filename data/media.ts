import 'server-only';

import fs from 'node:fs/promises';
import path from 'node:path';

import { mediaDir } from '@/lib/env';
import { variantStem } from '@/lib/image-variants';

const CONTENT_TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.avif': 'image/avif',
};

/** Server-made file names only: no path separators, no dot files, a known image extension. */
const FILE_NAME = /^[a-z0-9][a-z0-9-]{0,100}\.(webp|jpe?g|png|avif)$/;

async function readFile(fileName: string): Promise<{ body: Buffer; contentType: string } | null> {
  const contentType = CONTENT_TYPES[path.extname(fileName)];
  if (!contentType) return null;
  try {
    return { body: await fs.readFile(path.join(mediaDir(), fileName)), contentType };
  } catch {
    return null;
  }
}

/** The extensions an original may have, most likely first (uploads and demo pictures are WebP). */
const ORIGINAL_EXTENSIONS = ['.webp', '.jpg', '.jpeg', '.png', '.avif'];

/**
 * Public: the bytes and content type of a stored image, or null when there is no such file. A width variant whose
 * file is missing (lost, or a set being remade) answers with its original, marked `fallback` so that the answer is
 * not cached for good (docs/adr/0029): the page still shows the picture, only larger than it needed.
 */
export async function readMedia(fileName: string): Promise<{ body: Buffer; contentType: string; fallback: boolean } | null> {
  if (!FILE_NAME.test(fileName)) return null;
  const file = await readFile(fileName);
  if (file) return { ...file, fallback: false };
  const stem = variantStem(fileName);
  if (!stem) return null;
  for (const extension of ORIGINAL_EXTENSIONS) {
    const original = await readFile(`${stem}${extension}`);
    if (original) return { ...original, fallback: true };
  }
  return null;
}
