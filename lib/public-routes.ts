import { parsePageNumber } from './page-number';
import { SITE_PAGE_SLUGS } from './site-pages';

/** The public content routes whose existence depends on the database (ARCHITECTURE.md §6). */
export type ContentRoute =
  | { kind: 'section'; slug: string; page: number }
  /** `livePage`: the live blog's page of entries its query asks for (`?lpage=`), when the caller read it. */
  | { kind: 'article'; section: string; slug: string; livePage?: number }
  | { kind: 'tag'; slug: string; page: number }
  | { kind: 'author'; slug: string; page: number };

/** A path that can be answered as 404 without asking the database (wrong shape, bad page number). */
export const MALFORMED = 'malformed' as const;

const FIXED_FIRST_SEGMENTS = new Set(['api', 'media', '_next', 'dashboard', 'login', 'register', 'forgot-password', 'reset-password', 'search', 'account', 'newsletters', 'unsubscribe', 'sitemaps', ...SITE_PAGE_SLUGS]);

/**
 * Reads a pathname as one of the content routes, MALFORMED, or null for anything else (the front page, fixed
 * routes, files). Mirrors the app/(site) route tree.
 */
export function parseContentRoute(pathname: string): ContentRoute | typeof MALFORMED | null {
  let segments: string[];
  try {
    segments = pathname.split('/').filter(Boolean).map((segment) => decodeURIComponent(segment));
  } catch {
    return MALFORMED;
  }
  const [first, second, third, fourth, ...rest] = segments;
  // Files (feed.xml, opengraph images, sitemaps) answer for themselves.
  if (!first || FIXED_FIRST_SEGMENTS.has(first) || segments.some((segment) => segment.includes('.'))) return null;
  if (rest.length > 0) return null;

  const paged = (kind: 'tag' | 'author', slug: string | undefined, pageWord: string | undefined, pageNumber: string | undefined): ContentRoute | typeof MALFORMED | null => {
    if (!slug) return null;
    if (pageWord === undefined) return { kind, slug, page: 1 };
    if (pageWord !== 'page' || pageNumber === undefined) return null;
    const page = parsePageNumber(pageNumber);
    return page && page > 1 ? { kind, slug, page } : MALFORMED;
  };

  if (first === 'tag' || first === 'author') return paged(first, second, third, fourth);
  if (fourth !== undefined) return null;
  if (second === undefined) return { kind: 'section', slug: first, page: 1 };
  if (second === 'page') {
    if (third === undefined) return { kind: 'article', section: first, slug: second };
    const page = parsePageNumber(third);
    return page && page > 1 ? { kind: 'section', slug: first, page } : MALFORMED;
  }
  if (third !== undefined) return null;
  return { kind: 'article', section: first, slug: second };
}
