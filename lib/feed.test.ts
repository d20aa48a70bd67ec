import { describe, expect, it } from 'vitest';

import { buildRss } from './feed';
import { xmlText } from './xml';

const hostile = `Ministers & "friends" <script>alert('x')</script> ]]> \u0000\u0008 end \ud800 🌊`;

describe('xmlText', () => {
  it('escapes the special characters and drops what XML forbids', () => {
    expect(xmlText(hostile)).toBe(`Ministers &amp; &quot;friends&quot; &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; ]]&gt;  end  🌊`);
  });
});

describe('buildRss', () => {
  const xml = buildRss({
    title: `The Ledger — ${hostile}`,
    link: 'https://news.example/',
    self: 'https://news.example/feed.xml',
    description: 'All stories',
    items: [
      {
        title: hostile,
        url: 'https://news.example/politics/a?x=1&y=2',
        description: hostile,
        publishedAt: '2026-11-24T15:30:00.000Z',
        authors: ['Ada <Marsh>'],
        categories: ['Politics', 'Tag & more'],
      },
    ],
  });

  it('has the full item metadata', () => {
    expect(xml).toContain('<guid isPermaLink="true">https://news.example/politics/a?x=1&amp;y=2</guid>');
    expect(xml).toContain('<pubDate>Tue, 24 Nov 2026 15:30:00 GMT</pubDate>');
    expect(xml).toContain('<dc:creator>Ada &lt;Marsh&gt;</dc:creator>');
    expect(xml).toContain('<category>Tag &amp; more</category>');
    expect(xml).toContain('<atom:link href="https://news.example/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain('<lastBuildDate>Tue, 24 Nov 2026 15:30:00 GMT</lastBuildDate>');
  });

  it('never lets content open a tag or a CDATA section', () => {
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
    // Every "<" starts one of the feed's own elements.
    const tags = xml.match(/<\/?([a-zA-Z:]+)/g)?.map((tag) => tag.replace(/[</]/g, '')) ?? [];
    expect(new Set(tags)).toEqual(new Set(['rss', 'channel', 'title', 'link', 'atom:link', 'description', 'language', 'lastBuildDate', 'item', 'guid', 'pubDate', 'dc:creator', 'category']));
  });
});
