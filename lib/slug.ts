/** URL slug rules shared by articles, sections, tags and authors. */

import { SITE_PAGE_SLUGS } from './site-pages';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;

/**
 * First path segments that belong to fixed routes, so no section may take them
 * (`/tag`, `/author`, `/search`, `/dashboard`, ...).
 */
export const RESERVED_SECTION_SLUGS = new Set([
  'api',
  'author',
  'authors',
  'dashboard',
  'feed',
  'feed-xml',
  'login',
  'logout',
  'media',
  'page',
  'register',
  'robots-txt',
  'search',
  'sitemap',
  'sitemap-xml',
  'tag',
  'tags',
  'account',
  'newsletters',
  'unsubscribe',
  'forgot-password',
  'reset-password',
  'static',
  'next',
  'favicon-ico',
  // The newspaper's own pages (/about, /contact, …).
  ...SITE_PAGE_SLUGS,
]);

/** Article slugs that would collide with a fixed sub-route of a section (`/{section}/page/2`). */
export const RESERVED_ARTICLE_SLUGS = new Set(['page', 'feed', 'feed-xml']);

export function isValidSlug(value: string): boolean {
  return value.length > 0 && value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

export function isReservedSectionSlug(value: string): boolean {
  return RESERVED_SECTION_SLUGS.has(value);
}

/**
 * Turns a headline or name into a slug: ASCII-folds accents, lower-cases, joins words with single
 * hyphens and cuts at a word boundary within MAX_SLUG_LENGTH. Returns '' when nothing usable is left.
 */
export function slugify(input: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug;
}
