import { describe, expect, it } from 'vitest';

import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, escapeHtml, highlightToHtml } from './html';

describe('highlightToHtml', () => {
  it('marks the matches', () => {
    expect(highlightToHtml(`the ${S}flood${E} walls`)).toBe('the <mark>flood</mark> walls');
  });

  it('escapes markup in the text, even inside a match', () => {
    expect(highlightToHtml(`<script>alert(1)</script> ${S}<b>flood</b>${E} & "walls"`)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; <mark>&lt;b&gt;flood&lt;/b&gt;</mark> &amp; &quot;walls&quot;',
    );
  });

  it('never leaves a mark open or closes one it did not open', () => {
    expect(highlightToHtml(`${E}a ${S}b`)).toBe('a <mark>b</mark>');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
