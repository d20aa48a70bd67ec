import { describe, expect, it } from 'vitest';

import { COMMENT_MAX, commentBodySchema, countLinks, linkify, paragraphs } from './comment-text';

describe('commentBodySchema', () => {
  it('trims and keeps Unicode intact (emoji, RTL, combining marks)', () => {
    expect(commentBodySchema.parse('  Great piece 👏 مرحبا e\u0301  ')).toBe('Great piece 👏 مرحبا e\u0301');
  });

  it('refuses too short, too long, NUL and control characters', () => {
    expect(commentBodySchema.safeParse(' a ').success).toBe(false);
    expect(commentBodySchema.safeParse('x'.repeat(COMMENT_MAX + 1)).success).toBe(false);
    expect(commentBodySchema.safeParse('hello\u0000world').success).toBe(false);
    expect(commentBodySchema.safeParse('bell\u0007').success).toBe(false);
    expect(commentBodySchema.safeParse('lines\nand\ttabs are fine').success).toBe(true);
  });
});

describe('linkify', () => {
  it('links http(s) URLs and leaves trailing punctuation outside', () => {
    expect(linkify('See https://example.org/a?b=1, then stop.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', href: 'https://example.org/a?b=1', text: 'https://example.org/a?b=1' },
      { kind: 'text', text: ', then stop.' },
    ]);
  });

  it('never links javascript:, data: or markup', () => {
    for (const body of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '<a href="javascript:alert(1)">x</a>', '<svg onload=alert(1)>']) {
      expect(linkify(body)).toEqual([{ kind: 'text', text: body }]);
    }
  });

  it('cannot smuggle quotes or angle brackets into a link', () => {
    const pieces = linkify('https://example.org/"onmouseover="alert(1)');
    expect(pieces[0]).toEqual({ kind: 'link', href: 'https://example.org/', text: 'https://example.org/' });
  });
});

describe('paragraphs and links', () => {
  it('splits on blank lines and counts links', () => {
    expect(paragraphs('one\ntwo\n\n\nthree')).toEqual(['one\ntwo', 'three']);
    expect(countLinks('http://a.example https://b.example and c.example')).toBe(2);
  });
});
