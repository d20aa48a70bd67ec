/**
 * Width variants of library pictures (docs/adr/0029): which widths are made, what the files are called, and the
 * `srcset`/`sizes` pages give the browser. Pure: the files are made by lib/image-variant-files.ts.
 */

/** A width variant of a library picture, made once with sharp. */
export type ImageVariant = {
  width: number;
  height: number;
  format: 'webp' | 'avif';
  fileName: string;
  byteSize: number;
};

/**
 * The widths made, when narrower than the original (which is always offered too, at its own width). 160 serves
 * portraits (6rem at 1–2×); the rest step by at most 1.33× up to a 1600-pixel hero on a wide 2× screen.
 */
export const VARIANT_WIDTHS = [160, 320, 480, 640, 800, 960, 1280, 1600] as const;

/** The widths to make for a picture `originalWidth` pixels wide: those strictly narrower, never an enlargement. */
export function variantWidths(originalWidth: number): number[] {
  return VARIANT_WIDTHS.filter((width) => width < originalWidth);
}

/** The height of a variant `width` wide, keeping the original's proportions (as sharp's resize rounds it). */
export function variantHeight(original: { width: number; height: number }, width: number): number {
  return Math.max(1, Math.round((original.height * width) / original.width));
}

const VARIANT_NAME = /^([a-z0-9][a-z0-9-]{0,90})-w(\d{2,4})\.(webp|avif)$/;

/** `abc.webp` at 320 → `abc-w320.webp`: beside the original, served by the same /media route. */
export function variantFileName(original: string, width: number, format: ImageVariant['format'] = 'webp'): string {
  const stem = original.replace(/\.[a-z0-9]+$/, '');
  return `${stem}-w${width}.${format}`;
}

/** The stem of the original a variant's name was made from (`abc-w320.webp` → `abc`), or null for any other name. */
export function variantStem(fileName: string): string | null {
  const match = VARIANT_NAME.exec(fileName);
  return match ? match[1]! : null;
}

/**
 * The `srcset` for a picture: its variants of `format` narrowest first, then the original at its own width. Null when
 * there are no variants (not made yet): the page then offers `src` alone, the original.
 */
export function buildSrcSet(original: { fileName: string; width: number }, variants: readonly ImageVariant[], format: ImageVariant['format'] = 'webp'): string | null {
  const chosen = variants.filter((variant) => variant.format === format && variant.width < original.width).sort((a, b) => a.width - b.width);
  if (chosen.length === 0) return null;
  return [...chosen.map((variant) => `/media/${variant.fileName} ${variant.width}w`), `/media/${original.fileName} ${original.width}w`].join(', ');
}

/**
 * `sizes` for each place a picture appears, matched to the CSS (main is at most 78rem wide with 1rem padding;
 * breakpoints 40rem and 64rem: app/(site)/front-page.module.css, components/article/*.module.css). Each says how wide
 * the picture is drawn, so the browser can pick a variant before any CSS has loaded.
 */
export const PICTURE_SIZES = {
  /** A story's hero: the story column, beside the 19rem related stories from 64rem (article-view.module.css). */
  hero: '(min-width: 78rem) 53.5rem, (min-width: 64rem) calc(100vw - 24.5rem), calc(100vw - 2rem)',
  /** The front page's and a section's lead: two thirds of the page from 64rem. */
  lead: '(min-width: 78rem) 50rem, (min-width: 64rem) 64vw, calc(100vw - 2rem)',
  /** A card in a list or rail: a third of three quarters from 64rem, half from 40rem, full width on a phone. */
  card: '(min-width: 64rem) 25rem, (min-width: 40rem) calc(50vw - 2rem), calc(100vw - 2rem)',
  /** A card in a list of stories (section, tag, author pages): 16rem beside its text from 40rem (card.module.css). */
  listCard: '(min-width: 40rem) 16rem, calc(100vw - 2rem)',
  /** A picture in a story's body: at most the 40rem measure, never wider than itself. */
  body: '(min-width: 42rem) 40rem, calc(100vw - 2rem)',
  /** An author's portrait on the profile page (6rem). */
  portrait: '6rem',
  /** The dashboard's image library: a grid of cards at least 13rem wide (image-library.module.css). */
  library: '(min-width: 40rem) 20rem, calc(100vw - 2rem)',
  /** The story editor's picture picker: a grid of choices at least 9.5rem wide (picture-picker.module.css). */
  picker: '12rem',
} as const;

export type PicturePlace = keyof typeof PICTURE_SIZES;
