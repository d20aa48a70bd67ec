import { describe, expect, it } from 'vitest';

import { authRedirect } from './auth-redirect';

const SITE = 'https://news.example';
const LISTENER = 'http://localhost:3000';

describe("Auth.js's redirects", () => {
  it("keep a path on the site, at the site's public address, not the listener's", () => {
    expect(authRedirect('/account', LISTENER, SITE)).toBe('https://news.example/account');
    expect(authRedirect('https://news.example/politics/a-story?cpage=2#comments', LISTENER, SITE)).toBe('https://news.example/politics/a-story?cpage=2#comments');
    expect(authRedirect('http://localhost:3000/account', LISTENER, SITE)).toBe('https://news.example/account');
    // The journeys' site is on 127.0.0.1, which Next names "localhost".
    expect(authRedirect('http://127.0.0.1:3500/account', 'http://localhost:3500', 'http://127.0.0.1:3500')).toBe('http://127.0.0.1:3500/account');
  });

  it('never lead off the site', () => {
    expect(authRedirect('https://evil.example/phish', LISTENER, SITE)).toBe('https://news.example/');
    expect(authRedirect('//evil.example/phish', LISTENER, SITE)).toBe('https://news.example/');
    expect(authRedirect('javascript:alert(1)', LISTENER, SITE)).toBe('https://news.example/');
    expect(authRedirect('http://[::1', LISTENER, SITE)).toBe('https://news.example/');
  });
});
