import { XML_DECLARATION, xmlText } from './xml';

export type SitemapUrl = { loc: string; lastmod?: string };
export type NewsSitemapItem = { loc: string; title: string; publishedAt: string };

export function buildUrlset(urls: SitemapUrl[]): string {
  return [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((url) => `  <url><loc>${xmlText(url.loc)}</loc>${url.lastmod ? `<lastmod>${xmlText(url.lastmod)}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
}

export function buildSitemapIndex(sitemaps: SitemapUrl[]): string {
  return [
    XML_DECLARATION,
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemaps.map((map) => `  <sitemap><loc>${xmlText(map.loc)}</loc>${map.lastmod ? `<lastmod>${xmlText(map.lastmod)}</lastmod>` : ''}</sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** A Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export function buildNewsSitemap(items: NewsSitemapItem[], publicationName: string): string {
  return [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...items.map((item) =>
      [
        '  <url>',
        `    <loc>${xmlText(item.loc)}</loc>`,
        '    <news:news>',
        `      <news:publication><news:name>${xmlText(publicationName)}</news:name><news:language>en</news:language></news:publication>`,
        `      <news:publication_date>${xmlText(item.publishedAt)}</news:publication_date>`,
        `      <news:title>${xmlText(item.title)}</news:title>`,
        '    </news:news>',
        '  </url>',
      ].join('\n'),
    ),
    '</urlset>',
    '',
  ].join('\n');
}
