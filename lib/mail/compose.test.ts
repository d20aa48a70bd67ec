import { describe, expect, it } from 'vitest';

import { composeMail } from './compose';

describe('composeMail', () => {
  const content = {
    siteName: 'The Daily Ledger',
    heading: 'Reset your <password>',
    blocks: [{ paragraph: 'Someone asked & we answered.' }, { link: { label: 'Choose a new password', url: 'https://news.example/reset?t=a&b=1' } }, { quote: 'line one\nline two' }],
    footer: 'You get this because you asked.',
    unsubscribeUrl: 'https://news.example/unsubscribe?t=x',
  };

  it('writes the plain-text part with every link spelled out', () => {
    const { text } = composeMail(content);
    expect(text).toContain('Reset your <password>');
    expect(text).toContain('Choose a new password:\nhttps://news.example/reset?t=a&b=1');
    expect(text).toContain('> line one\n> line two');
    expect(text).toContain('--\nYou get this because you asked.\nUnsubscribe: https://news.example/unsubscribe?t=x');
  });

  it('escapes every piece of text in the HTML part', () => {
    const { html } = composeMail(content);
    expect(html).toContain('Reset your &lt;password&gt;');
    expect(html).toContain('Someone asked &amp; we answered.');
    expect(html).toContain('href="https://news.example/reset?t=a&amp;b=1"');
    expect(html).not.toContain('<password>');
  });
});
