import { describe, expect, it } from 'vitest';

import { HOUR_MS, hourOf, isPrefetch, isRobot, parseArticleId, parseBeacon, readerKey } from './view-counting';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

describe('isRobot', () => {
  it('lets browsers through', () => {
    expect(isRobot(CHROME)).toBe(false);
    expect(isRobot(SAFARI_PHONE)).toBe(false);
    expect(isRobot('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(false);
  });

  it('stops crawlers, previewers, libraries, headless browsers and a missing user agent', () => {
    for (const agent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Twitterbot/1.0',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'curl/8.5.0',
      'python-requests/2.32.3',
      'Go-http-client/1.1',
      'node-fetch/1.0',
      '',
      undefined,
    ]) {
      expect(isRobot(agent), agent).toBe(true);
    }
  });
});

describe('isPrefetch', () => {
  it('recognises speculative loads in any of their headers', () => {
    expect(isPrefetch({ 'sec-purpose': 'prefetch' })).toBe(true);
    expect(isPrefetch({ 'sec-purpose': 'prefetch;prerender' })).toBe(true);
    expect(isPrefetch({ purpose: 'prefetch' })).toBe(true);
    expect(isPrefetch({ 'x-moz': 'prefetch' })).toBe(true);
    expect(isPrefetch({ 'x-purpose': 'preview' })).toBe(true);
  });

  it('leaves ordinary requests alone', () => {
    expect(isPrefetch({})).toBe(false);
    expect(isPrefetch({ 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'empty' })).toBe(false);
  });
});

describe('hourOf', () => {
  it('is the start of the clock hour', () => {
    const at = Date.UTC(2026, 11, 2, 7, 59, 59, 999);
    expect(hourOf(at)).toBe(Date.UTC(2026, 11, 2, 7));
    expect(hourOf(at + 1)).toBe(Date.UTC(2026, 11, 2, 8));
    expect(hourOf(Date.UTC(2026, 11, 2, 8)) - hourOf(at)).toBe(HOUR_MS);
  });
});

describe('parseBeacon and parseArticleId', () => {
  it('reads {"id": n} with a number or a string of digits', () => {
    expect(parseBeacon('{"id":42}')).toBe(42);
    expect(parseBeacon('{"id":"42"}')).toBe(42);
    expect(parseArticleId('2147483647')).toBe(2147483647);
  });

  it('refuses everything else', () => {
    for (const body of ['', 'null', '42', '[42]', '{"id":0}', '{"id":-1}', '{"id":1.5}', '{"id":"042"}', '{"id":"1e3"}', '{"id":2147483648}', '{"id":', `{"id":1,"pad":"${'x'.repeat(300)}"}`]) {
      expect(parseBeacon(body), body).toBeNull();
    }
    expect(parseArticleId(null)).toBeNull();
    expect(parseArticleId(' 1')).toBeNull();
  });
});

describe('readerKey', () => {
  const hour = Date.UTC(2026, 11, 2, 7);
  it('is the same reader within the hour, and another one the next hour, for another address or another browser', () => {
    const key = readerKey('secret', hour, '203.0.113.5', CHROME);
    expect(readerKey('secret', hour, '203.0.113.5', CHROME)).toBe(key);
    expect(readerKey('secret', hour + HOUR_MS, '203.0.113.5', CHROME)).not.toBe(key);
    expect(readerKey('secret', hour, '203.0.113.6', CHROME)).not.toBe(key);
    expect(readerKey('secret', hour, '203.0.113.5', SAFARI_PHONE)).not.toBe(key);
    expect(readerKey('another secret', hour, '203.0.113.5', CHROME)).not.toBe(key);
  });

  it('does not contain the address', () => {
    expect(readerKey('secret', hour, '203.0.113.5', CHROME)).not.toContain('203');
  });
});
