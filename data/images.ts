import 'server-only';

import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import { count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import sharp, { type Metadata } from 'sharp';

import { getDb } from '@/db/client';
import { images, users } from '@/db/schema';
import { mediaDir } from '@/lib/env';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { ImageRejectedError, MAX_INPUT_PIXELS, MAX_OUTPUT_DIMENSION, MAX_UPLOAD_BYTES } from '@/lib/images';
import { type ImageDetailsInput, imageDetailsSchema } from '@/lib/validation/images';
import { assertCan } from '@/lib/permissions';

import { recordAudit } from './audit';
import { imageSrc } from './cards';
import type { Viewer } from './viewer';

export type LibraryImage = {
  id: number;
  src: string;
  width: number;
  height: number;
  alt: string;
  credit: string;
  byteSize: number;
  uploaderName: string | null;
  createdAt: string;
};

/** sharp's names for the formats we take. AVIF is HEIF with AV1 inside (HEIC, with HEVC, is not taken). */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif']);

const WEBP_QUALITY = 82;

const isPixelLimitError = (error: unknown) => error instanceof Error && /pixel limit/i.test(error.message);

/** The schema again: whoever calls, what is stored is trimmed and within bounds. */
function parseDetails(input: ImageDetailsInput): ImageDetailsInput {
  const parsed = imageDetailsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new InvalidInputError(String(issue.path[0] ?? 'alt'), issue.message);
}

/**
 * Decides what the bytes are from the bytes (never from a file name or a browser's MIME type), refuses what we do
 * not take, and re-encodes the rest: auto-oriented, fitted inside MAX_OUTPUT_DIMENSION, as WebP with no metadata
 * (EXIF, GPS, XMP and ICC comments are dropped; anything appended to the file is never copied).
 */
async function processImage(bytes: Uint8Array): Promise<{ data: Buffer; width: number; height: number }> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new ImageRejectedError('too-large');
  if (bytes.byteLength === 0) throw new ImageRejectedError('missing-file');
  let metadata: Metadata;
  try {
    // Reads the header only: nothing is decoded yet.
    metadata = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch (error) {
    throw new ImageRejectedError(isPixelLimitError(error) ? 'too-many-pixels' : 'not-image');
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format) || (metadata.format === 'heif' && metadata.compression !== 'av1')) {
    throw new ImageRejectedError('unsupported-type');
  }
  if (!metadata.width || !metadata.height) throw new ImageRejectedError('damaged');
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) throw new ImageRejectedError('too-many-pixels');
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated', animated: false })
      .autoOrient()
      .resize({ width: MAX_OUTPUT_DIMENSION, height: MAX_OUTPUT_DIMENSION, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: WEBP_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    // The second line of defence against a header that lied about its size.
    throw new ImageRejectedError(isPixelLimitError(error) ? 'too-many-pixels' : 'damaged');
  }
}

/**
 * Contributors, editors and admins (article:write): checks, re-encodes and stores an uploaded picture, and records
 * it with its alt text and credit. Throws ForbiddenError, or ImageRejectedError with a message for the uploader.
 * Nothing is left behind on refusal: the file is written only after the checks and removed if the insert fails.
 */
export async function uploadImage(viewer: Viewer | null, input: { bytes: Uint8Array } & ImageDetailsInput): Promise<LibraryImage> {
  assertCan(viewer, 'article:write');
  const details = parseDetails(input);
  const processed = await processImage(input.bytes);

  const fileName = `${randomUUID()}.webp`;
  const filePath = path.join(mediaDir(), fileName);
  await fs.mkdir(mediaDir(), { recursive: true });
  // 'wx': never overwrite a file, however unlikely a name clash is.
  await fs.writeFile(filePath, processed.data, { flag: 'wx' });
  try {
    const row = await getDb().transaction(async (tx) => {
      const [inserted] = await tx
        .insert(images)
        .values({
          fileName,
          mimeType: 'image/webp',
          width: processed.width,
          height: processed.height,
          byteSize: processed.data.byteLength,
          alt: details.alt,
          credit: details.credit,
          uploadedBy: viewer.id,
        })
        .returning();
      await recordAudit(tx, {
        actorId: viewer.id,
        action: 'image.upload',
        subject: `image:${inserted!.id}`,
        after: { fileName, width: processed.width, height: processed.height, byteSize: processed.data.byteLength, ...details },
      });
      return inserted!;
    });
    return toLibraryImage({ ...row, uploaderName: viewer.name });
  } catch (error) {
    await fs.rm(filePath, { force: true });
    throw error;
  }
}

export const IMAGE_PAGE_SIZE = 24;

const libraryColumns = {
  id: images.id,
  fileName: images.fileName,
  width: images.width,
  height: images.height,
  alt: images.alt,
  credit: images.credit,
  byteSize: images.byteSize,
  createdAt: images.createdAt,
  uploaderName: users.name,
};

function toLibraryImage(row: { id: number; fileName: string; width: number; height: number; alt: string; credit: string; byteSize: number; createdAt: Date; uploaderName: string | null }): LibraryImage {
  return {
    id: row.id,
    src: imageSrc(row.fileName),
    width: row.width,
    height: row.height,
    alt: row.alt,
    credit: row.credit,
    byteSize: row.byteSize,
    uploaderName: row.uploaderName,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Contributors, editors and admins (article:write): the library, newest first, optionally searched by alt text or credit. */
export async function listImages(
  viewer: Viewer | null,
  options: { page?: number; q?: string } = {},
): Promise<{ items: LibraryImage[]; page: number; pageCount: number; total: number }> {
  assertCan(viewer, 'article:write');
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const q = options.q?.trim() ?? '';
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  const where = q ? or(ilike(images.alt, pattern), ilike(images.credit, pattern)) : undefined;
  const db = getDb();
  const [rows, totals] = await Promise.all([
    db
      .select(libraryColumns)
      .from(images)
      .leftJoin(users, eq(users.id, images.uploadedBy))
      .where(where)
      .orderBy(desc(images.createdAt), desc(images.id))
      .limit(IMAGE_PAGE_SIZE)
      .offset((page - 1) * IMAGE_PAGE_SIZE),
    db.select({ total: count() }).from(images).where(where),
  ]);
  const total = totals[0]?.total ?? 0;
  return { items: rows.map(toLibraryImage), page, pageCount: Math.max(1, Math.ceil(total / IMAGE_PAGE_SIZE)), total };
}

/** Contributors, editors and admins (article:write): one library image, or null. */
export async function getLibraryImage(viewer: Viewer | null, id: number): Promise<LibraryImage | null> {
  assertCan(viewer, 'article:write');
  const [row] = await getDb().select(libraryColumns).from(images).leftJoin(users, eq(users.id, images.uploadedBy)).where(eq(images.id, id)).limit(1);
  return row ? toLibraryImage(row) : null;
}

/**
 * Contributors, editors and admins (article:write): the newest images as choices for a picker (id, alt text, URL),
 * always including `current` (the picture the record already has), so saving a form never drops a picture that has
 * left the list.
 */
export async function listImageChoices(
  viewer: Viewer | null,
  { current = null, limit = 100 }: { current?: number | null; limit?: number } = {},
): Promise<{ id: number; alt: string; src: string }[]> {
  assertCan(viewer, 'article:write');
  const rows = await getDb()
    .select({ id: images.id, alt: images.alt, fileName: images.fileName })
    .from(images)
    .orderBy(sql`${images.id} = ${current ?? 0} desc`, desc(images.createdAt), desc(images.id))
    .limit(limit);
  return rows.map((row) => ({ id: row.id, alt: row.alt, src: imageSrc(row.fileName) }));
}

/**
 * Contributors, editors and admins (article:write): changes an image's alt text and credit, audited. Throws
 * ForbiddenError or NotFoundError. Public pages take their alt text from the article or author, so no cache changes.
 */
export async function updateImageDetails(viewer: Viewer | null, id: number, input: ImageDetailsInput): Promise<void> {
  assertCan(viewer, 'article:write');
  const details = parseDetails(input);
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select({ alt: images.alt, credit: images.credit }).from(images).where(eq(images.id, id)).limit(1).for('update');
    if (!before) throw new NotFoundError();
    await tx.update(images).set(details).where(eq(images.id, id));
    await recordAudit(tx, { actorId: viewer.id, action: 'image.update', subject: `image:${id}`, before, after: details });
  });
}
