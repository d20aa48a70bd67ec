import { describe, expect, it } from 'vitest';

import { isSameOriginRequest } from './same-origin';

const SITE = ['https://news.example'];
const check = (values: Record<string, string>) => isSameOriginRequest(new Headers(values), SITE);

describe('isSameOriginRequest', () => {
  it('accepts a same-origin form post', () => {
    expect(check({ origin: 'https://news.example', 'sec-fetch-site': 'same-origin', host: 'news.example' })).toBe(true);
    expect(check({ origin: 'https://news.example', host: 'internal:3000' })).toBe(true);
    expect(check({ origin: 'http://127.0.0.1:3201', host: '127.0.0.1:3201' })).toBe(true);
    expect(check({ 'sec-fetch-site': 'same-origin' })).toBe(true);
  });

  it('refuses cross-site, same-site and origin-less posts', () => {
    expect(check({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', host: 'news.example' })).toBe(false);
    expect(check({ origin: 'https://evil.example', host: 'news.example' })).toBe(false);
    expect(check({ origin: 'https://news.example', 'sec-fetch-site': 'same-site' })).toBe(false);
    expect(check({ origin: 'https://news.example', 'sec-fetch-site': 'none' })).toBe(false);
    expect(check({ origin: 'null', host: 'news.example' })).toBe(false);
    expect(check({ host: 'news.example' })).toBe(false);
    expect(check({})).toBe(false);
  });
});
