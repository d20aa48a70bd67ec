/**
 * How a live blog's entries are paged (docs/adr/0026). Free of imports, so the proxy and the front's page cache read
 * the page number without the Markdown renderer; lib/live-blog.ts re-exports it.
 */

/** Entries on one page of a live blog (the pinned entry is shown above them on the first page, and not counted). */
export const LIVE_PAGE_SIZE = 20;

/** Reads `?lpage=2` leniently: anything else is the first page. */
export function parseLivePage(params: Record<string, string | string[] | undefined>): number {
  const value = params.lpage;
  return typeof value === 'string' && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : 1;
}

/** The query for a page of entries (the first page has none, so the plain article URL stays canonical). */
export function liveSearch(page: number): string {
  return page > 1 ? `?lpage=${page}` : '';
}

export function livePageCount(total: number): number {
  return Math.max(1, Math.ceil(total / LIVE_PAGE_SIZE));
}

/** Which page shows the entry at `index` in newest-first order (pinned entry left out). */
export function livePageOf(index: number): number {
  return Math.floor(index / LIVE_PAGE_SIZE) + 1;
}
