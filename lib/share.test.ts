import { describe, expect, it } from 'vitest';

import { absoluteUrl, shareLinks } from './share';

describe('shareLinks', () => {
  const links = shareLinks('https://news.example/politics/a-b', 'Vote & "count" <now>');

  it('encodes the headline and URL so neither can break out of the query string', () => {
    for (const link of links) {
      expect(link.href).not.toMatch(/[<>"\s]/);
      expect(link.href).not.toContain('& "');
    }
    const email = links.find((link) => link.label === 'E-mail');
    expect(email?.href.startsWith('mailto:?subject=Vote%20%26%20%22count%22%20%3Cnow%3E')).toBe(true);
  });

  it('offers e-mail and the main social networks', () => {
    expect(links.map((link) => link.label)).toEqual(['E-mail', 'X', 'Facebook', 'LinkedIn', 'Bluesky', 'WhatsApp']);
  });
});

describe('absoluteUrl', () => {
  it('joins a site URL and a path whatever the trailing slash', () => {
    expect(absoluteUrl('https://news.example', '/politics/x')).toBe('https://news.example/politics/x');
    expect(absoluteUrl('https://news.example/', '/politics/x')).toBe('https://news.example/politics/x');
  });
});
