import { describe, expect, it } from 'vitest';

import { renderMarkdown } from './markdown';
import { markdownLink, parseLinkAddress } from './markdown-link';

describe('the Link tool’s address', () => {
  it('accepts http(s) addresses and paths on this site, as typed (trimmed)', () => {
    expect(parseLinkAddress('  https://harbour.example.org/tides?year=2024#map ')).toEqual({ ok: true, address: 'https://harbour.example.org/tides?year=2024#map' });
    expect(parseLinkAddress('http://example.org')).toEqual({ ok: true, address: 'http://example.org' });
    expect(parseLinkAddress('/e2e-politics/harbour-city-votes')).toEqual({ ok: true, address: '/e2e-politics/harbour-city-votes' });
  });

  it('refuses anything else with a message that says what to type', () => {
    for (const refused of ['', '   ', 'javascript:alert(1)', 'mailto:desk@example.org', 'ftp://example.org/file', 'https://', 'https:example.org', '//evil.example', '/\\evil.example', 'www.example.org', 'https://example.org/a b', 'https://example.org/<x>']) {
      const result = parseLinkAddress(refused);
      expect(result.ok, refused).toBe(false);
      expect(result.ok ? '' : result.message, refused).not.toBe('');
    }
    expect(parseLinkAddress('www.example.org')).toMatchObject({ message: expect.stringContaining('https://') });
  });

  it('writes a Markdown link the public pipeline renders to that address', () => {
    expect(markdownLink('the tide tables', 'https://example.org/tides')).toBe('[the tide tables](https://example.org/tides)');
    expect(renderMarkdown(markdownLink('Foo', 'https://en.wikipedia.org/wiki/Foo_(bar)'))).toContain('href="https://en.wikipedia.org/wiki/Foo_(bar)"');
    // An unbalanced parenthesis does not end the address early.
    expect(renderMarkdown(markdownLink('odd', 'https://example.org/a)b'))).toContain('href="https://example.org/a)b"');
    expect(renderMarkdown(markdownLink('here', '/e2e-politics/a-story'))).toContain('href="/e2e-politics/a-story"');
  });
});
