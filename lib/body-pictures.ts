/**
 * Pictures in a story's body (docs/adr/0014): a Markdown image of a library file, on a line of its own, with the
 * caption and the credit in its title, `![Alt text](/media/<file> "Caption | Credit")`. Pure, so the editor (the
 * snippet it inserts), the renderer and the tests share it.
 */

/** Server-made file names only (as data/media.ts serves them): no separators, no dot files, a known extension. */
export const MEDIA_FILE_NAME = /^[a-z0-9][a-z0-9-]{0,100}\.(webp|jpe?g|png|avif)$/;

/** The library file a body picture's address names, or null for anything else (remote, relative, odd). */
export function mediaFileOf(url: string): string | null {
  const match = /^\/media\/([^/?#]+)$/.exec(url);
  return match && MEDIA_FILE_NAME.test(match[1]!) ? match[1]! : null;
}

/** The caption and credit in a picture's title: the credit follows the last `|` (no `|`: it is all caption). */
export function splitPictureTitle(title: string | null | undefined): { caption: string; credit: string } {
  const text = (title ?? '').trim();
  const bar = text.lastIndexOf('|');
  if (bar === -1) return { caption: text, credit: '' };
  return { caption: text.slice(0, bar).trim(), credit: text.slice(bar + 1).trim() };
}

/** Every library file the body shows as a picture (the renderer needs their sizes). */
export function bodyPictureFiles(markdown: string): string[] {
  const files = new Set<string>();
  for (const match of markdown.matchAll(/\/media\/([a-z0-9][a-z0-9-]{0,100}\.(?:webp|jpe?g|png|avif))/g)) files.add(match[1]!);
  return [...files];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The Markdown for a library picture, in three parts so an editor can insert it with the caption selected:
 * `before` + caption + `after`. Brackets in the alt text and quotes in the title are escaped.
 */
export function pictureSnippetParts(picture: { src: string; alt: string; credit: string }): { before: string; after: string } {
  const alt = oneLine(picture.alt).replace(/[\\[\]]/g, '\\$&');
  const credit = oneLine(picture.credit).replace(/[\\"|]/g, (character) => (character === '|' ? '/' : `\\${character}`));
  return { before: `![${alt}](${picture.src} "`, after: `${credit ? ` | ${credit}` : ''}")` };
}

/** The whole snippet with a caption placeholder (shown for copying when JavaScript is off). */
export function pictureSnippet(picture: { src: string; alt: string; credit: string }, caption = 'Caption'): string {
  const { before, after } = pictureSnippetParts(picture);
  return `${before}${caption}${after}`;
}

/** A body picture's size and, once its width variants are made, their `srcset` (lib/image-variants.ts). */
export type PictureSize = { width: number; height: number; srcSet?: string | null };
