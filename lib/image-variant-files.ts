/**
 * Makes and removes the width-variant files of one library picture (docs/adr/0029), beside the original in the media
 * directory. Uses sharp and the file system, never the database: uploads (data/images.ts), the demo seed
 * (db/seed/images.ts) and the backfill (data/image-variants.ts) all come here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';

import { type ImageVariant, variantFileName, variantWidths } from './image-variants';

/** Uploads are stored at WebP quality 82; variants are smaller on screen, so a little lower costs nothing visible. */
export const VARIANT_WEBP_QUALITY = 78;
/** libwebp's effort (0–6): 4 is sharp's default, the best size for its time on two cores. */
const WEBP_EFFORT = 4;

/**
 * Writes a WebP variant of `source` (any image sharp reads, or raw pixels described by `raw`) for each width of
 * lib/image-variants.ts#variantWidths narrower than the original, and returns them narrowest first. Files are written
 * with 'wx' except when `overwrite` (the backfill, redoing a half-made set). On failure the files written so far are
 * removed and the error is thrown.
 */
export async function makeVariants(
  directory: string,
  original: { fileName: string; width: number; height: number },
  source: Buffer | Uint8Array,
  options: { quality?: number; overwrite?: boolean; raw?: { width: number; height: number; channels: 1 | 2 | 3 | 4 } } = {},
): Promise<ImageVariant[]> {
  const made: ImageVariant[] = [];
  try {
    for (const width of variantWidths(original.width)) {
      const { data, info } = await sharp(source, { limitInputPixels: false, raw: options.raw })
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: options.quality ?? VARIANT_WEBP_QUALITY, effort: WEBP_EFFORT })
        .toBuffer({ resolveWithObject: true });
      const fileName = variantFileName(original.fileName, width, 'webp');
      await fs.writeFile(path.join(directory, fileName), data, { flag: options.overwrite ? 'w' : 'wx' });
      made.push({ width: info.width, height: info.height, format: 'webp', fileName, byteSize: data.byteLength });
    }
    return made;
  } catch (error) {
    await removeVariantFiles(directory, made);
    throw error;
  }
}

/** Removes variant files (missing ones are fine). */
export async function removeVariantFiles(directory: string, variants: readonly Pick<ImageVariant, 'fileName'>[]): Promise<void> {
  await Promise.all(variants.map((variant) => fs.rm(path.join(directory, variant.fileName), { force: true })));
}
