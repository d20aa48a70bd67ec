import { describe, expect, it } from 'vitest';

import { countWords, readingMinutes, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders headings, lists, quotes, emphasis and links', () => {
    const html = renderMarkdown(
      ['## What happens next', '', 'A *vote* on [the bill](https://example.org/bill).', '', '- one', '- two', '', '> "We will see," she said.'].join('\n'),
    );
    expect(html).toContain('<h2>What happens next</h2>');
    expect(html).toContain('<em>vote</em>');
    expect(html).toContain('<a href="https://example.org/bill">the bill</a>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toContain('<blockquote>');
  });

  it('demotes a level-one heading, because the headline is the page h1', () => {
    expect(renderMarkdown('# Big')).toBe('<h2>Big</h2>');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an inline event handler', '<img src="x.png" onerror="alert(1)">'],
    ['an svg with onload', '<svg onload="alert(1)"><circle /></svg>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['malformed markup', '<scr<script>ipt>alert(1)</script>'],
    ['a style block', '<style>body{display:none}</style>'],
  ])('drops raw HTML: %s', (_name, payload) => {
    const html = renderMarkdown(`Before\n\n${payload}\n\nAfter`);
    expect(html).not.toMatch(/<script|<iframe|<svg|<style|onerror|onload/i);
    expect(html).toContain('Before');
    expect(html).toContain('After');
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)'])(
    'removes dangerous link protocols: %s',
    (href) => {
      const html = renderMarkdown(`[click](${href})`);
      expect(html).not.toMatch(/href="(javascript|data|vbscript)/i);
      expect(html).toContain('click');
    },
  );

  it('keeps text that merely looks like markup as escaped text', () => {
    const html = renderMarkdown('Use `<b>` for bold, and 3 < 4 > 2 & so on.');
    expect(html).toContain('<code>&#x3C;b></code>');
    expect(html).toContain('3 &#x3C; 4 > 2 &#x26; so on.');
  });

  it('prefixes heading ids so user content cannot clobber DOM globals', () => {
    const html = renderMarkdown('<a id="location" name="cookie">x</a>');
    expect(html).not.toMatch(/id="location"|name="cookie"/);
  });
});

describe('readingMinutes', () => {
  it('counts words, not punctuation', () => {
    expect(countWords('## Title\n\n- one, two\n- three')).toBe(4);
  });

  it('is at least one minute and rounds at 230 words a minute', () => {
    expect(readingMinutes('short')).toBe(1);
    expect(readingMinutes('word '.repeat(1150))).toBe(5);
  });
});
