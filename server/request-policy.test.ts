import { describe, expect, it } from 'vitest';

import { anonymousSearch, formFlashClearing, isMalformedPath, pageCacheKey } from './request-policy';

const anonymous = {};

describe('pageCacheKey', () => {
  it('keys anonymous reads of public pages by path', () => {
    expect(pageCacheKey('GET', '/', anonymous)).toBe('/');
    expect(pageCacheKey('HEAD', '/politics', anonymous)).toBe('/politics');
    expect(pageCacheKey('GET', '/politics/page/2', anonymous)).toBe('/politics/page/2');
    expect(pageCacheKey('GET', '/tag/housing/feed.xml', anonymous)).toBe('/tag/housing/feed.xml');
    expect(pageCacheKey('GET', '/sitemap.xml', anonymous)).toBe('/sitemap.xml');
  });

  it('drops query parameters a page does not read, and orders the ones it does', () => {
    expect(pageCacheKey('GET', '/politics?utm_source=x&fbclid=1', anonymous)).toBe('/politics');
    expect(pageCacheKey('GET', '/politics/a-story?x=1', anonymous)).toBe('/politics/a-story');
    expect(pageCacheKey('GET', '/politics/a-story?comment=12&sort=newest&junk=1', anonymous)).toBe('/politics/a-story?sort=newest&comment=12');
    // Values a page would not accept fall back to the defaults, so they share the plain entry.
    expect(pageCacheKey('GET', '/politics/a-story?sort=bogus&cpage=0', anonymous)).toBe('/politics/a-story');
    // A live blog's page of entries (docs/adr/0026): part of the key, canonical, after the thread's view.
    expect(pageCacheKey('GET', '/politics/a-story?lpage=2&utm_source=x', anonymous)).toBe('/politics/a-story?lpage=2');
    expect(pageCacheKey('GET', '/politics/a-story?lpage=2&cpage=3', anonymous)).toBe('/politics/a-story?cpage=3&lpage=2');
    expect(pageCacheKey('GET', '/politics/a-story?lpage=1', anonymous)).toBe('/politics/a-story');
    expect(pageCacheKey('GET', '/politics/a-story?lpage=02', anonymous)).toBe('/politics/a-story');
  });

  it('never answers a signed-in reader, a preview or the router from the cache', () => {
    expect(pageCacheKey('GET', '/', { cookie: 'authjs.session-token=abc' })).toBeNull();
    expect(pageCacheKey('GET', '/', { cookie: 'theme=dark; __Secure-authjs.session-token.0=abc' })).toBeNull();
    expect(pageCacheKey('GET', '/', { cookie: '__prerender_bypass=1' })).toBeNull();
    expect(pageCacheKey('GET', '/', { rsc: '1' })).toBeNull();
    expect(pageCacheKey('GET', '/', { 'next-router-prefetch': '1' })).toBeNull();
    expect(pageCacheKey('GET', '/?_rsc=abc', anonymous)).toBeNull();
    // Cookies that say nothing about who is reading do not matter.
    expect(pageCacheKey('GET', '/', { cookie: 'authjs.csrf-token=abc; theme=dark' })).toBe('/');
  });

  it('leaves writes, personal and staff areas, search, signed mail links and files to Next', () => {
    expect(pageCacheKey('POST', '/politics/a-story', anonymous)).toBeNull();
    for (const path of ['/dashboard', '/dashboard/articles', '/api/health', '/login', '/register', '/forgot-password', '/reset-password?token=abc', '/account', '/account/verify-email?token=abc', '/search?q=x', '/newsletters/confirm?t=abc', '/unsubscribe?t=abc', '/media/a.webp', '/_next/static/x.js']) {
      expect(pageCacheKey('GET', path, anonymous)).toBeNull();
    }
    expect(pageCacheKey('GET', 'http://evil.example/', anonymous)).toBeNull();
    expect(pageCacheKey('GET', undefined, anonymous)).toBeNull();
  });
});

describe('anonymousSearch', () => {
  it('takes an anonymous search with its whole query, and nothing else', () => {
    expect(anonymousSearch('GET', '/search?q=council&section=politics', anonymous)).toBe('/search?q=council&section=politics');
    expect(anonymousSearch('GET', '/search', anonymous)).toBe('/search');
    expect(anonymousSearch('GET', '/search?q=x', { cookie: 'authjs.session-token=abc' })).toBeNull();
    expect(anonymousSearch('GET', '/search?q=x', { rsc: '1' })).toBeNull();
    expect(anonymousSearch('POST', '/search', anonymous)).toBeNull();
    expect(anonymousSearch('GET', '/searching', anonymous)).toBeNull();
    expect(anonymousSearch('GET', '/politics', anonymous)).toBeNull();
  });
});

describe('isMalformedPath', () => {
  it('is true for a path that is not valid percent-encoded UTF-8', () => {
    for (const path of ['/media/%ff', '/api/auth/%ff', '/%c0%af', '/politics/%e2%82', '/x%']) expect(isMalformedPath(path)).toBe(true);
  });

  it('is false for ordinary and well-encoded paths, whatever the query holds', () => {
    for (const path of ['/', '/politics/a-story', '/media/a.webp', '/tag/caf%C3%A9', '/search?q=%ff', '/politics/%3Cscript%3E']) expect(isMalformedPath(path)).toBe(false);
  });
});

describe('formFlashClearing', () => {
  it("ends a form's answer with the page read that shows it, and only then", () => {
    const flash = { cookie: 'theme=dark; form-result=abc.def' };
    expect(formFlashClearing('GET', '/politics/a-story?sort=best', flash, false)).toBe('form-result=; Path=/politics/a-story; Max-Age=0; HttpOnly; SameSite=Lax');
    expect(formFlashClearing('GET', '/politics/a-story', flash, true)).toBe('form-result=; Path=/politics/a-story; Max-Age=0; HttpOnly; SameSite=Lax; Secure');
    expect(formFlashClearing('POST', '/politics/a-story', flash, false)).toBeNull();
    expect(formFlashClearing('GET', '/politics/a-story', { ...flash, rsc: '1' }, false)).toBeNull();
    expect(formFlashClearing('GET', '/politics/a-story', { cookie: 'not-form-result=1' }, false)).toBeNull();
    expect(formFlashClearing('GET', '/a;Domain=evil.example', flash, false)).toBeNull();
  });
});
