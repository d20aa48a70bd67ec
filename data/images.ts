import 'server-only';

import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import { and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import sharp, { type Metadata } from 'sharp';

import { getDb, type Database, type Transaction } from '@/db/client';
import { articleRevisions, articles, authors, images, users } from '@/db/schema';
import { auditSubjects } from '@/lib/audit-subjects';
import { mediaDir } from '@/lib/env';
import { makeVariants, removeVariantFiles } from '@/lib/image-variant-files';
import { buildSrcSet, type ImageVariant } from '@/lib/image-variants';
import { ForbiddenError, ImageInUseError, ImageRejectedError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { MAX_INPUT_PIXELS, MAX_OUTPUT_DIMENSION, MAX_UPLOAD_BYTES, type PictureUses } from '@/lib/images';
import { type ImageDetailsInput, imageDetailsSchema } from '@/lib/validation/images';
import { assertCan, can } from '@/lib/permissions';
import { PICKER_PAGE_SIZE, type PickerData, toPickerPicture } from '@/lib/picture-picker';

import { recordAudit } from './audit';
import { imageSrc } from './cards';
import type { Viewer } from './viewer';

export type LibraryImage = {
  id: number;
  src: string;
  /** Its width variants (lib/image-variants.ts), null until they are made. */
  srcSet: string | null;
  fileName: string;
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
  let variants: ImageVariant[] = [];
  try {
    // The width variants pages offer in srcset (docs/adr/0029), made once, now, from the stored original.
    variants = await makeVariants(mediaDir(), { fileName, width: processed.width, height: processed.height }, processed.data);
    const row = await getDb().transaction(async (tx) => {
      const [inserted] = await tx
        .insert(images)
        .values({
          fileName,
          mimeType: 'image/webp',
          width: processed.width,
          height: processed.height,
          byteSize: processed.data.byteLength,
          variants,
          alt: details.alt,
          credit: details.credit,
          uploadedBy: viewer.id,
        })
        .returning();
      await recordAudit(tx, {
        actorId: viewer.id,
        action: 'image.upload',
        subject: auditSubjects.image(inserted!.id),
        after: { fileName, width: processed.width, height: processed.height, byteSize: processed.data.byteLength, ...details },
      });
      return inserted!;
    });
    return toLibraryImage({ ...row, uploaderName: viewer.name });
  } catch (error) {
    await Promise.all([fs.rm(filePath, { force: true }), removeVariantFiles(mediaDir(), variants)]);
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
  variants: images.variants,
};

function toLibraryImage(row: { id: number; fileName: string; width: number; height: number; alt: string; credit: string; byteSize: number; createdAt: Date; uploaderName: string | null; variants: ImageVariant[] | null }): LibraryImage {
  return {
    id: row.id,
    src: imageSrc(row.fileName),
    srcSet: buildSrcSet(row, row.variants ?? []),
    fileName: row.fileName,
    width: row.width,
    height: row.height,
    alt: row.alt,
    credit: row.credit,
    byteSize: row.byteSize,
    uploaderName: row.uploaderName,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Contributors, editors and admins (article:write): the library, newest first, optionally searched by alt text,
 * credit or file name (the name in a body's Markdown), `pageSize` at a time (the editor's picker shows fewer).
 */
export async function listImages(
  viewer: Viewer | null,
  options: { page?: number; q?: string; pageSize?: number } = {},
): Promise<{ items: LibraryImage[]; page: number; pageCount: number; total: number }> {
  assertCan(viewer, 'article:write');
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? IMAGE_PAGE_SIZE)));
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const q = options.q?.trim() ?? '';
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  const where = q ? or(ilike(images.alt, pattern), ilike(images.credit, pattern), ilike(images.fileName, pattern)) : undefined;
  const db = getDb();
  const [rows, totals] = await Promise.all([
    db
      .select(libraryColumns)
      .from(images)
      .leftJoin(users, eq(users.id, images.uploadedBy))
      .where(where)
      .orderBy(desc(images.createdAt), desc(images.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(images).where(where),
  ]);
  const total = totals[0]?.total ?? 0;
  return { items: rows.map(toLibraryImage), page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total };
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
    await recordAudit(tx, { actorId: viewer.id, action: 'image.update', subject: auditSubjects.image(id), before, after: details });
  });
}

export const isPictureUsed = (uses: PictureUses) => uses.heroes.length + uses.bodies.length + uses.portraits.length > 0;

async function findUses(db: Database | Transaction, image: { id: number; fileName: string }): Promise<PictureUses> {
  // A story's latest text is its row, or the pending revision when a published story has saved changes.
  const pendingSnapshot = sql`(select ${articleRevisions.snapshot} from ${articleRevisions} where ${articleRevisions.id} = ${articles.pendingRevisionId})`;
  const headline = sql<string>`coalesce(${pendingSnapshot}->>'headline', ${articles.headline})`;
  const inBody = `%/media/${image.fileName.replace(/[\\%_]/g, '\\$&')}%`;
  const [heroes, bodies, portraits] = await Promise.all([
    db
      .select({ id: articles.id, headline })
      .from(articles)
      .where(or(eq(articles.heroImageId, image.id), sql`${pendingSnapshot}->>'heroImageId' = ${String(image.id)}`))
      .orderBy(desc(articles.savedAt), desc(articles.id)),
    db
      .select({ id: articles.id, headline })
      .from(articles)
      .where(or(sql`${articles.body} like ${inBody}`, sql`${pendingSnapshot}->>'body' like ${inBody}`))
      .orderBy(desc(articles.savedAt), desc(articles.id)),
    db.select({ id: authors.id, name: authors.name }).from(authors).where(eq(authors.avatarImageId, image.id)).orderBy(authors.name),
  ]);
  return { heroes, bodies, portraits };
}

/** Contributors, editors and admins (article:write): where a library picture is used, or null when there is no such picture. */
export async function listPictureUses(viewer: Viewer | null, id: number): Promise<PictureUses | null> {
  assertCan(viewer, 'article:write');
  const db = getDb();
  const [image] = await db.select({ id: images.id, fileName: images.fileName }).from(images).where(eq(images.id, id)).limit(1);
  return image ? findUses(db, image) : null;
}

/** Whether this viewer may delete this picture (when nothing uses it): editors and admins any, contributors their own uploads. */
export function mayDeleteImage(viewer: Viewer | null, image: { uploadedBy: string | null }): boolean {
  if (!viewer || !can(viewer, 'article:write')) return false;
  return can(viewer, 'article:publish') || (image.uploadedBy !== null && image.uploadedBy === viewer.id);
}

/** Contributors, editors and admins: whether the viewer may delete this picture (the page offers the button only then). */
export async function getImageDeletePermission(viewer: Viewer | null, id: number): Promise<boolean> {
  assertCan(viewer, 'article:write');
  const [image] = await getDb().select({ uploadedBy: images.uploadedBy }).from(images).where(eq(images.id, id)).limit(1);
  return image ? mayDeleteImage(viewer, image) : false;
}

/**
 * Editors and admins (any picture), contributors (their own uploads): deletes a picture that nothing uses, audited,
 * and then its file. Throws ForbiddenError, NotFoundError, or ImageInUseError listing the uses. The row is locked
 * first, so a story saved meanwhile with this picture as its hero waits, then fails its foreign key check instead
 * of losing the picture silently.
 */
export async function deleteImage(viewer: Viewer | null, id: number): Promise<void> {
  assertCan(viewer, 'article:write');
  const { fileName, variants } = await getDb().transaction(async (tx) => {
    const [image] = await tx
      .select({ id: images.id, fileName: images.fileName, variants: images.variants, alt: images.alt, credit: images.credit, uploadedBy: images.uploadedBy })
      .from(images)
      .where(eq(images.id, id))
      .limit(1)
      .for('update');
    if (!image) throw new NotFoundError();
    if (!mayDeleteImage(viewer, image)) throw new ForbiddenError();
    const uses = await findUses(tx, image);
    if (isPictureUsed(uses)) throw new ImageInUseError(uses);
    await tx.delete(images).where(and(eq(images.id, id), eq(images.fileName, image.fileName)));
    await recordAudit(tx, { actorId: viewer.id, action: 'image.delete', subject: auditSubjects.image(id), before: { fileName: image.fileName, alt: image.alt, credit: image.credit } });
    return image;
  });
  // After the commit: a file left behind by a failure here is only disk space; a row without its file would be a broken picture.
  await Promise.all([fs.rm(path.join(mediaDir(), fileName), { force: true }), removeVariantFiles(mediaDir(), variants)]).catch((error: unknown) =>
    console.error('image files not removed', fileName, error),
  );
}

/**
 * Contributors, editors and admins (article:write): one page of the story editor's picture picker, newest first,
 * searched like the library, with the story's chosen picture (which may be on no page of this search) beside it.
 */
export async function getPicturePicker(
  viewer: Viewer | null,
  { q = '', page = 1, chosenId = null, justUploaded = false }: { q?: string; page?: number; chosenId?: number | null; justUploaded?: boolean },
): Promise<PickerData> {
  const [library, chosen] = await Promise.all([listImages(viewer, { q, page, pageSize: PICKER_PAGE_SIZE }), chosenId ? getLibraryImage(viewer, chosenId) : null]);
  return {
    q,
    page: library.page,
    pageCount: library.pageCount,
    total: library.total,
    items: library.items.map(toPickerPicture),
    chosen: chosen ? toPickerPicture(chosen) : null,
    justUploaded: justUploaded && chosen !== null,
  };
}
