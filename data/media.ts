import 'server-only';

import fs from 'node:fs/promises';
import path from 'node:path';

import { mediaDir } from '@/lib/env';

const CONTENT_TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.avif': 'image/avif',
};

/** Server-made file names only: no path separators, no dot files, a known image extension. */
const FILE_NAME = /^[a-z0-9][a-z0-9-]{0,100}\.(webp|jpe?g|png|avif)$/;

/** Public: the bytes and content type of a stored image, or null when there is no such file. */
export async function readMedia(fileName: string): Promise<{ body: Buffer; contentType: string } | null> {
  if (!FILE_NAME.test(fileName)) return null;
  const contentType = CONTENT_TYPES[path.extname(fileName)];
  if (!contentType) return null;
  try {
    return { body: await fs.readFile(path.join(mediaDir(), fileName)), contentType };
  } catch {
    return null;
  }
}
