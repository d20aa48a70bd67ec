import { buildSitemapIndex, buildUrlset, type SitemapUrl } from './sitemap';
import { absoluteUrl } from './share';

type Path = { path: string; lastmod: string | null };

const toUrl = (siteUrl: string) => (entry: Path): SitemapUrl => ({ loc: absoluteUrl(siteUrl, entry.path), lastmod: entry.lastmod ?? undefined });

/** One urlset when everything fits in one chunk; otherwise an index of pages.xml and articles-N.xml. */
export function renderRootSitemap(options: { siteUrl: string; articleCount: number; chunkSize: number; pages: Path[]; articles: Path[] }): string {
  if (options.articleCount <= options.chunkSize) {
    return buildUrlset([...options.pages, ...options.articles].map(toUrl(options.siteUrl)));
  }
  const chunks = Math.ceil(options.articleCount / options.chunkSize);
  return buildSitemapIndex([
    { loc: absoluteUrl(options.siteUrl, '/sitemaps/pages.xml') },
    ...Array.from({ length: chunks }, (_, index) => ({ loc: absoluteUrl(options.siteUrl, `/sitemaps/articles-${index + 1}.xml`) })),
  ]);
}

export function renderPathsSitemap(siteUrl: string, paths: Path[]): string {
  return buildUrlset(paths.map(toUrl(siteUrl)));
}
