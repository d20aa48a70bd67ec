import { describe, expect, it } from 'vitest';

import { MALFORMED, parseContentRoute } from './public-routes';

describe('parseContentRoute', () => {
  it.each([
    ['/politics', { kind: 'section', slug: 'politics', page: 1 }],
    ['/politics/page/3', { kind: 'section', slug: 'politics', page: 3 }],
    ['/politics/vote-called', { kind: 'article', section: 'politics', slug: 'vote-called' }],
    ['/tag/elections', { kind: 'tag', slug: 'elections', page: 1 }],
    ['/tag/elections/page/2', { kind: 'tag', slug: 'elections', page: 2 }],
    ['/author/ada-marsh', { kind: 'author', slug: 'ada-marsh', page: 1 }],
    ['/author/ada-marsh/page/9', { kind: 'author', slug: 'ada-marsh', page: 9 }],
  ])('reads %s', (path, expected) => {
    expect(parseContentRoute(path)).toEqual(expected);
  });

  it.each(['/', '/api/health', '/media/x.webp', '/_next/static/a.js', '/favicon.ico', '/dashboard', '/login', '/politics/feed.xml', '/tag/a/feed.xml', '/sitemaps/news.xml', '/feed.xml'])('leaves %s alone', (path) => {
    expect(parseContentRoute(path)).toBeNull();
  });

  it.each(['/politics/page/1', '/politics/page/01', '/politics/page/x', '/tag/a/page/0', '/%E0%A4%A'])('marks %s as malformed', (path) => {
    expect(parseContentRoute(path)).toBe(MALFORMED);
  });
});
