import vm from 'node:vm';

import { describe, expect, it } from 'vitest';

import { pageScript, withoutRuntime } from './lean-page';

const NONCE = 'HNt13PgSZVoSNA9qBH5NOg==';

/** The shape of a page Next renders: script preloads and chunks in the head, the React payload before </body>. */
const rendered = [
  '<!DOCTYPE html><html lang="en-GB"><head><meta charSet="utf-8"/>',
  `<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next" nonce="${NONCE}"/>`,
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js" nonce="${NONCE}"/>`,
  '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>',
  '<link rel="preload" href="/media/hero-w800.webp" as="image" fetchPriority="high"/>',
  `<script src="/_next/static/chunks/main.js" async="" nonce="${NONCE}"></script>`,
  '<title>Council approves homes</title></head><body>',
  '<main><h1>Council approves homes</h1><p>Text with &lt;script&gt; in it, escaped.</p>',
  `<script type="application/ld+json">{"@type":"NewsArticle"}</script>`,
  '<a href="https://example.test/politics/x" data-copy-link=""><span aria-live="polite">Copy link</span></a></main>',
  `<script nonce="${NONCE}">(self.__next_f=self.__next_f||[]).push([0])</script>`,
  `<script nonce="${NONCE}">self.__next_f.push([1,"0:{\\"a\\":\\"\\u003c/script\\u003e\\"}\\n"])</script>`,
  '</body></html>',
].join('');

describe('pages without the framework runtime', () => {
  it('drops every script and script preload, keeps the JSON-LD, styles, picture preloads and content', () => {
    const lean = withoutRuntime(rendered, NONCE)!;
    expect(lean).not.toBeNull();
    expect(lean).not.toContain('/_next/static/chunks/main.js');
    expect(lean).not.toContain('webpack.js');
    expect(lean).not.toContain('modulepreload');
    expect(lean).not.toContain('__next_f');
    expect(lean).toContain('<script type="application/ld+json">{"@type":"NewsArticle"}</script>');
    expect(lean).toContain(`<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next" nonce="${NONCE}"/>`);
    expect(lean).toContain('<link rel="preload" href="/media/hero-w800.webp" as="image" fetchPriority="high"/>');
    expect(lean).toContain('<main><h1>Council approves homes</h1><p>Text with &lt;script&gt; in it, escaped.</p>');
    // One executable script: the page script, last in the body, under the render's nonce.
    const scripts = [...lean.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    expect(scripts).toEqual([' type="application/ld+json"', ` nonce="${NONCE}"`]);
    expect(lean.endsWith(`<script nonce="${NONCE}">${pageScript()!}</script></body></html>`)).toBe(true);
  });

  it('keeps the runtime of a page with a boundary a script must reveal (streamed in, or left to the client)', () => {
    const streamed = rendered
      .replace('<main>', '<!--$?--><template id="B:0"></template><p>Loading</p><!--/$--><main>')
      .replace('</body>', `<div hidden id="S:0"><p>Most read</p></div><script nonce="${NONCE}">$RC("B:0","S:0")</script></body>`);
    expect(withoutRuntime(streamed, NONCE)).toBeNull();
    expect(withoutRuntime(rendered.replace('<main>', '<!--$!--><p>Loading</p><!--/$--><main>'), NONCE)).toBeNull();
  });

  it('never cuts a story: "<script" in an attribute or in the text is content, and stays with everything after it', () => {
    const story = '<p><a href="https://developer.mozilla.org" title="The <script> element">MDN</a> on <code>&lt;script&gt;</code>.</p><p>The rest of the story.</p>';
    const lean = withoutRuntime(rendered.replace('<p>Text with &lt;script&gt; in it, escaped.</p>', story), NONCE)!;
    expect(lean).toContain(`${story}<script type="application/ld+json">`);
    expect(lean).toContain('Copy link</span></a></main>');
    expect(lean).not.toContain('__next_f');
    // Outside the story, the same two scripts as always.
    expect([...lean.replace(story, '').matchAll(/<script\b([^>]*)>/g)].map((match) => match[1])).toEqual([' type="application/ld+json"', ` nonce="${NONCE}"`]);
  });

  it('leaves a document without a body alone', () => {
    expect(withoutRuntime('{"not":"html"}', NONCE)).toBeNull();
  });

  it('bundles the page script as one inline script that runs on a page with nothing to enhance', () => {
    const code = pageScript()!;
    expect(code.length).toBeLessThan(4000);
    expect(code).not.toMatch(/<\/script|<!--|\bimport\b|\brequire\(/);
    // Run it against a document with none of its markers: it looks, finds nothing, and throws nothing.
    const asked: string[] = [];
    const document = {
      querySelector: (selector: string) => (asked.push(selector), null),
      querySelectorAll: (selector: string) => (asked.push(selector), []),
    };
    vm.runInNewContext(code, { document });
    expect(asked).toEqual(['[data-view-beacon]', 'a[data-copy-link]', '[data-live-status]']);
  });
});
