import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { fill, fillGzip, isCompressible, makeTemplate } from './page-body';

const RENDERED_NONCE = 'HNt13PgSZVoSNA9qBH5NOg==';
const page = (nonce: string) =>
  `<!doctype html><html><head><script nonce="${nonce}">self.a=1</script></head><body>${'<p>Council approves homes.</p>'.repeat(400)}<script nonce="${nonce}" src="/_next/static/chunks/x.js" async></script></body></html>`;

describe('body templates', () => {
  it('puts the new nonce wherever the rendered one was, and nowhere else', () => {
    const template = makeTemplate(Buffer.from(page(RENDERED_NONCE)), RENDERED_NONCE, true);
    expect(template.pieces).toHaveLength(3);
    const next = 'FAUh77IO1y9h1tusYz7cyg==';
    expect(fill(template, next).toString()).toBe(page(next));
    expect(fill(template, next).toString()).not.toContain(RENDERED_NONCE);
  });

  it('builds a gzip body that decompresses to the same bytes, without compressing the page again', () => {
    const template = makeTemplate(Buffer.from(page(RENDERED_NONCE)), RENDERED_NONCE, true);
    for (let i = 0; i < 20; i++) {
      const nonce = randomBytes(16).toString('base64');
      const gzip = fillGzip(template, nonce)!;
      expect(zlib.gunzipSync(gzip).toString()).toBe(page(nonce));
      // Still compressed: the holes cost a few bytes each, the rest is the stored deflate.
      expect(gzip.length).toBeLessThan(page(nonce).length / 5);
    }
  });

  it('handles a body without a nonce, an empty body and a nonce at either end', () => {
    const plain = makeTemplate(Buffer.from('<rss>no scripts</rss>'), null, true);
    expect(fill(plain, 'abc').toString()).toBe('<rss>no scripts</rss>');
    expect(zlib.gunzipSync(fillGzip(plain, 'abc')!).toString()).toBe('<rss>no scripts</rss>');

    expect(zlib.gunzipSync(fillGzip(makeTemplate(Buffer.alloc(0), null, true), 'n')!).length).toBe(0);

    const edges = makeTemplate(Buffer.from(`${RENDERED_NONCE}middle${RENDERED_NONCE}`), RENDERED_NONCE, true);
    expect(zlib.gunzipSync(fillGzip(edges, 'XYZ')!).toString()).toBe('XYZmiddleXYZ');
  });

  it('keeps images uncompressed', () => {
    const png = makeTemplate(randomBytes(1000), null, isCompressible('image/png'));
    expect(fillGzip(png, 'n')).toBeNull();
    expect(isCompressible('text/html; charset=utf-8')).toBe(true);
    expect(isCompressible('application/rss+xml')).toBe(true);
    expect(isCompressible('image/png')).toBe(false);
  });
});
