import { describe, expect, it } from 'vitest';

import { entrySummary, formatLiveNotice, LIVE_PAGE_SIZE, livePageCount, livePageOf, liveSearch, parseLiveNotice, parseLivePage, parseLivePath, renderLiveEntry, sseMessage, streamReader, type LiveEntryView, type StreamMessage } from './live-blog';

const view = (overrides: Partial<LiveEntryView> = {}): LiveEntryView => ({
  id: 7,
  title: '',
  body: 'Hello',
  keyEvent: false,
  pinned: false,
  postedAt: new Date('2026-05-01T18:05:00Z'),
  updatedAt: null,
  authorName: null,
  picture: null,
  ...overrides,
});

describe('pages of entries', () => {
  it('reads ?lpage= leniently and writes it only past the first page', () => {
    expect(parseLivePage({ lpage: '3' })).toBe(3);
    for (const odd of ['0', '01', '-2', '1e3', 'x', undefined]) expect(parseLivePage({ lpage: odd })).toBe(1);
    expect(parseLivePage({ lpage: ['2', '3'] })).toBe(1);
    expect(liveSearch(1)).toBe('');
    expect(liveSearch(2)).toBe('?lpage=2');
  });

  it('counts pages and finds the page of an entry', () => {
    expect(livePageCount(0)).toBe(1);
    expect(livePageCount(LIVE_PAGE_SIZE)).toBe(1);
    expect(livePageCount(LIVE_PAGE_SIZE + 1)).toBe(2);
    expect(livePageOf(0)).toBe(1);
    expect(livePageOf(LIVE_PAGE_SIZE - 1)).toBe(1);
    expect(livePageOf(LIVE_PAGE_SIZE)).toBe(2);
  });
});

describe('the stream', () => {
  it('reads only its own paths', () => {
    expect(parseLivePath('/api/live/12')).toBe(12);
    expect(parseLivePath('/api/live/12?after=3')).toBe(12);
    for (const odd of ['/api/live/', '/api/live/012', '/api/live/12/x', '/api/live/99999999999', '/api/lives/1', undefined]) expect(parseLivePath(odd)).toBeNull();
  });

  it('carries notices as small fixed-shape payloads, refusing anything else', () => {
    const notice = { articleId: 4, entryId: 9, what: 'posted' } as const;
    expect(parseLiveNotice(formatLiveNotice(notice))).toEqual(notice);
    for (const odd of ['', '4:9', '4:9:posted:x', 'a:9:posted', '4:9:dropped']) expect(parseLiveNotice(odd)).toBeNull();
  });

  it('writes one SSE message per event, on one data line', () => {
    expect(sseMessage({ type: 'entry', id: 3, html: '<p>a\nb</p>', pinned: false }, 3)).toBe('id: 3\nevent: entry\ndata: {"type":"entry","id":3,"html":"<p>a\\nb</p>","pinned":false}\n\n');
    expect(sseMessage({ type: 'closed' })).toBe('event: closed\ndata: {"type":"closed"}\n\n');
  });

  it('is read back message by message by the stream reader, however the chunks fall', () => {
    const wire = sseMessage({ type: 'entry', id: 3, html: '<p>a\nb</p>', pinned: false }, 3) + sseMessage({ type: 'closed' });
    const read: StreamMessage[] = [];
    const feed = streamReader((message) => read.push(message));
    for (let at = 0; at < wire.length; at += 7) feed(wire.slice(at, at + 7));
    expect(read).toEqual([
      { id: '3', event: 'entry', data: '{"type":"entry","id":3,"html":"<p>a\\nb</p>","pinned":false}' },
      { id: null, event: 'closed', data: '{"type":"closed"}' },
    ]);
  });
});

describe('an entry', () => {
  it('is rendered once for the page and the stream: sanitised body, escaped fields, its anchor and flags', () => {
    const html = renderLiveEntry(
      view({ title: '<b>Results</b>', body: '[x](javascript:alert(1)) <img src=x onerror=alert(1)>', keyEvent: true, pinned: true, authorName: 'A & B', picture: { fileName: 'p.jpg', width: 800, height: 600, alt: 'A "crowd"' } }),
      'Europe/London',
    );
    expect(html).toContain('id="entry-7"');
    expect(html).toContain('<time datetime="2026-05-01T18:05:00.000Z"');
    expect(html).toContain('>19:05</time>');
    expect(html).toContain('&lt;b&gt;Results&lt;/b&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).toContain('alt="A &quot;crowd&quot;"');
    expect(html).toContain('Key event');
    expect(html).toContain('Pinned');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('onerror');
  });

  it('is summarised by its heading, else its first words without Markdown', () => {
    expect(entrySummary({ title: ' Polls close ', body: 'x' })).toBe('Polls close');
    expect(entrySummary({ title: '', body: '## The **count** [starts](https://example.com) now' })).toBe('The count starts now');
    expect(entrySummary({ title: '', body: 'word '.repeat(50) }).length).toBeLessThanOrEqual(90);
  });
});
