import { describe, expect, it } from 'vitest';

import { buildNewsSitemap, buildSitemapIndex, buildUrlset } from './sitemap';

describe('sitemap builders', () => {
  it('writes a urlset with escaped locations and lastmod', () => {
    const xml = buildUrlset([{ loc: 'https://news.example/a?x=1&y=<2>', lastmod: '2026-11-24T10:00:00.000Z' }, { loc: 'https://news.example/' }]);
    expect(xml).toContain('<url><loc>https://news.example/a?x=1&amp;y=&lt;2&gt;</loc><lastmod>2026-11-24T10:00:00.000Z</lastmod></url>');
    expect(xml).toContain('<url><loc>https://news.example/</loc></url>');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
  });

  it('writes an index of sitemaps', () => {
    expect(buildSitemapIndex([{ loc: 'https://news.example/sitemaps/articles-1.xml' }])).toContain(
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <sitemap><loc>https://news.example/sitemaps/articles-1.xml</loc></sitemap>',
    );
  });

  it('writes a Google News sitemap with escaped titles', () => {
    const xml = buildNewsSitemap([{ loc: 'https://news.example/p/a', title: 'Tom & Jerry <b>', publishedAt: '2026-11-24T10:00:00.000Z' }], 'The "Ledger"');
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).toContain('<news:title>Tom &amp; Jerry &lt;b&gt;</news:title>');
    expect(xml).toContain('<news:name>The &quot;Ledger&quot;</news:name>');
    expect(xml).toContain('<news:publication_date>2026-11-24T10:00:00.000Z</news:publication_date>');
  });
});
