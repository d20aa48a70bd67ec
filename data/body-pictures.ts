import 'server-only';

import { inArray } from 'drizzle-orm';

import { getDb, type Database } from '@/db/client';
import { images } from '@/db/schema';
import { bodyPictureFiles } from '@/lib/body-pictures';
import { buildSrcSet } from '@/lib/image-variants';
import { renderMarkdown, type PictureSizes } from '@/lib/markdown';

/**
 * Public (called by the cached article read and by the editor's previews): the width and height of every library
 * picture a body names, by file name. A picture's size never changes, so no cache tag is needed for it; a picture
 * is deleted only when no story uses it (docs/adr/0014).
 */
export async function bodyPictureSizes(markdown: string, db: Database = getDb()): Promise<PictureSizes> {
  const files = bodyPictureFiles(markdown);
  if (!files.length) return new Map();
  const rows = await db
    .select({ fileName: images.fileName, width: images.width, height: images.height, variants: images.variants })
    .from(images)
    .where(inArray(images.fileName, files.slice(0, 200)));
  return new Map(rows.map((row) => [row.fileName, { width: row.width, height: row.height, srcSet: buildSrcSet(row, row.variants) }]));
}

/** Public: a story's body as HTML, its library pictures as figures with their real sizes (lib/markdown.ts). */
export async function renderArticleBody(markdown: string, db: Database = getDb()): Promise<string> {
  return renderMarkdown(markdown, await bodyPictureSizes(markdown, db));
}
