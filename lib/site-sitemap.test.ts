import { describe, expect, it } from 'vitest';

import { renderRootSitemap } from './site-sitemap';

describe('renderRootSitemap', () => {
  const pages = [{ path: '/', lastmod: '2026-11-24T10:00:00.000Z' }, { path: '/politics', lastmod: null }];
  const articles = [{ path: '/politics/a', lastmod: '2026-11-20T10:00:00.000Z' }];

  it('is one urlset while the archive fits in one file', () => {
    const xml = renderRootSitemap({ siteUrl: 'https://news.example', articleCount: 1, chunkSize: 5000, pages, articles });
    expect(xml).toContain('<urlset');
    expect(xml).toContain('<loc>https://news.example/politics/a</loc><lastmod>2026-11-20T10:00:00.000Z</lastmod>');
    expect(xml).toContain('<loc>https://news.example/politics</loc></url>');
  });

  it('becomes an index of page and article sitemaps when it does not', () => {
    const xml = renderRootSitemap({ siteUrl: 'https://news.example', articleCount: 12_001, chunkSize: 5000, pages: [], articles: [] });
    expect(xml).toContain('<sitemapindex');
    expect(xml.match(/<sitemap>/g)).toHaveLength(4);
    expect(xml).toContain('<loc>https://news.example/sitemaps/articles-3.xml</loc>');
    expect(xml).toContain('<loc>https://news.example/sitemaps/pages.xml</loc>');
  });
});
