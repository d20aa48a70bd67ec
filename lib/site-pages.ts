/**
 * The newspaper's own pages (about, contact, privacy, terms, corrections policy): fixed routes under app/(site),
 * linked from the footer and listed in the sitemap. Their first path segment is reserved, so no section can take it
 * (lib/slug.ts) and the proxy never asks the database whether a section of that name exists (lib/public-routes.ts).
 */
export const SITE_PAGES = [
  { slug: 'about', title: 'About us', footerLabel: 'About' },
  { slug: 'contact', title: 'Contact the newsroom', footerLabel: 'Contact' },
  { slug: 'privacy', title: 'Privacy notice', footerLabel: 'Privacy' },
  { slug: 'terms', title: 'Terms of use', footerLabel: 'Terms' },
  { slug: 'corrections-policy', title: 'Corrections policy', footerLabel: 'Corrections policy' },
] as const;

export type SitePageSlug = (typeof SITE_PAGES)[number]['slug'];

export const SITE_PAGE_SLUGS: ReadonlySet<string> = new Set(SITE_PAGES.map((page) => page.slug));

/** The date the texts were last changed, shown on each page and used as the sitemap's lastmod. */
export const SITE_PAGES_UPDATED = '2026-12-01';

export function sitePage(slug: SitePageSlug): (typeof SITE_PAGES)[number] {
  return SITE_PAGES.find((page) => page.slug === slug)!;
}
