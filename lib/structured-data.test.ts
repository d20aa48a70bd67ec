import { describe, expect, it } from 'vitest';

import type { ArticleDetail } from './dto';
import { breadcrumbJsonLd, liveBlogJsonLd, newsArticleJsonLd, serializeJsonLd, websiteJsonLd } from './structured-data';

const site = { url: 'https://news.example', name: 'The Ledger', logoPath: '/logo.png' };
const hostile = `</script><script>alert(1)</script><!-- & \u2028 "quoted"`;

const article: ArticleDetail = {
  id: 1,
  slug: 'a-story',
  section: { name: 'Politics', slug: 'politics' },
  headline: hostile,
  dek: 'A standfirst',
  format: 'opinion',
  publishedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  hero: { src: '/media/x.webp', srcSet: null, width: 1200, height: 675, alt: 'x' },
  heroCaption: '',
  authors: [{ name: 'Ada Marsh', slug: 'ada-marsh', jobTitle: '' }],
  tags: [{ name: 'Elections', slug: 'elections' }],
  bodyHtml: '',
  readingMinutes: 3,
  seoTitle: null,
  seoDescription: null,
  isOld: false,
  notes: [],
};

describe('newsArticleJsonLd', () => {
  const data = newsArticleJsonLd(
    {
      ...article,
      notes: [
        { kind: 'correction', body: 'We misspelt a name.', notedAt: '2026-11-21T10:00:00.000Z' },
        { kind: 'update', body: 'The council has since replied.', notedAt: '2026-11-22T10:00:00.000Z' },
      ],
    },
    site,
  );

  it('uses the subtype of the format and carries the full metadata', () => {
    expect(data).toMatchObject({
      '@type': 'OpinionNewsArticle',
      url: 'https://news.example/politics/a-story',
      datePublished: '2026-11-20T10:00:00.000Z',
      dateModified: '2026-11-21T10:00:00.000Z',
      image: ['https://news.example/media/x.webp'],
      author: [{ '@type': 'Person', name: 'Ada Marsh', url: 'https://news.example/author/ada-marsh' }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'The Ledger', logo: { url: 'https://news.example/logo.png' } },
      articleSection: 'Politics',
      keywords: ['Elections'],
      isAccessibleForFree: true,
      correction: [{ '@type': 'CorrectionComment', text: 'We misspelt a name.' }],
    });
  });

  it('maps every format to a NewsArticle type', () => {
    for (const [format, type] of [['news', 'NewsArticle'], ['analysis', 'AnalysisNewsArticle'], ['review', 'ReviewNewsArticle'], ['explainer', 'BackgroundNewsArticle']] as const) {
      expect(newsArticleJsonLd({ ...article, format }, site)['@type']).toBe(type);
    }
  });
});

describe('liveBlogJsonLd', () => {
  const live = { ...article, format: 'live' as const };
  const entries = [{ id: 9, summary: 'Polls close', postedAt: '2026-11-22T20:00:00.000Z', updatedAt: null }];

  it('is a LiveBlogPosting whose coverage starts at publication and, while it runs, has no end', () => {
    const data = liveBlogJsonLd(live, { closedAt: null, latestAt: '2026-11-22T20:00:00.000Z', entries }, site);
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(data.coverageStartTime).toBe(live.publishedAt);
    expect(data).not.toHaveProperty('coverageEndTime');
    expect(data.dateModified).toBe('2026-11-22T20:00:00.000Z');
    expect(data.liveBlogUpdate).toEqual([{ '@type': 'BlogPosting', headline: 'Polls close', url: 'https://news.example/politics/a-story#entry-9', datePublished: '2026-11-22T20:00:00.000Z' }]);
  });

  it('ends its coverage when the live blog is closed', () => {
    expect(liveBlogJsonLd(live, { closedAt: '2026-11-23T01:00:00.000Z', latestAt: null, entries: [] }, site).coverageEndTime).toBe('2026-11-23T01:00:00.000Z');
  });
});

describe('serializeJsonLd', () => {
  it('cannot be closed or commented out by content, and still parses back to the same data', () => {
    const data = newsArticleJsonLd(article, site);
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
  });
});

describe('breadcrumbs and website', () => {
  it('numbers the breadcrumb from Home', () => {
    expect(breadcrumbJsonLd(site, [{ name: 'Home', path: '/' }, { name: 'Politics', path: '/politics' }]).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://news.example/' },
      { '@type': 'ListItem', position: 2, name: 'Politics', item: 'https://news.example/politics' },
    ]);
  });

  it('offers the site search to search engines', () => {
    expect(websiteJsonLd(site).potentialAction).toMatchObject({ target: { urlTemplate: 'https://news.example/search?q={search_term_string}' } });
  });
});
