import { describe, expect, it } from 'vitest';

import { backPath, decodeFormFlash, encodeFormFlash, encodeFormFlashMessages } from './form-flash';

const SECRET = 'a secret of at least thirty-two characters';

describe("a form's answer carried across a redirect", () => {
  it('comes back as it went, for the form it names', () => {
    const flash = { form: 'change-email', result: { ok: false, formError: 'Please correct the highlighted fields.', fieldErrors: { email: ['Enter a valid e-mail address.'] }, values: { email: 'not an address' } } };
    expect(decodeFormFlash(SECRET, encodeFormFlash(SECRET, flash)!)).toEqual(flash);
  });

  it('is refused when not signed by this site, altered, or not shaped like one', () => {
    const value = encodeFormFlash(SECRET, { form: 'sign-in', result: { ok: false, formError: 'No.' } })!;
    expect(decodeFormFlash('another secret of thirty-two characters', value)).toBeNull();
    const [payload, signature] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ form: 'sign-in', result: { ok: true, formError: 'Call 0800 SCAM' } })).toString('base64url');
    expect(decodeFormFlash(SECRET, `${forged}.${signature}`)).toBeNull();
    expect(decodeFormFlash(SECRET, `${payload}.${signature}.extra`)).toBeNull();
    expect(decodeFormFlash(SECRET, undefined)).toBeNull();
    expect(decodeFormFlash(SECRET, 'garbage')).toBeNull();
    const badForm = encodeFormFlash(SECRET, { form: 'Not A Form Id', result: { ok: false } })!;
    expect(decodeFormFlash(SECRET, badForm)).toBeNull();
  });

  it('does not fit a cookie when it is too big; its messages alone do, the field messages dropped last', () => {
    const long = 'x'.repeat(5_000);
    const flash = { form: 'subscribe', result: { ok: false, formError: 'Please correct the highlighted fields.', fieldErrors: { email: ['Enter a valid e-mail address.'] }, values: { email: long }, body: long } };
    expect(encodeFormFlash(SECRET, flash)).toBeNull();
    const kept = decodeFormFlash(SECRET, encodeFormFlashMessages(SECRET, flash)!);
    expect(kept).toEqual({ form: 'subscribe', result: { ok: false, formError: 'Please correct the highlighted fields.', fieldErrors: { email: ['Enter a valid e-mail address.'] } } });
    const huge = { form: 'subscribe', result: { ok: false, formError: 'Short.', fieldErrors: { email: [long] } } };
    expect(decodeFormFlash(SECRET, encodeFormFlashMessages(SECRET, huge)!)).toEqual({ form: 'subscribe', result: { ok: false, formError: 'Short.' } });
  });

  it('names the row that keeps an answer too big for it, and only an id shaped like one', () => {
    const ref = 'A'.repeat(43);
    expect(decodeFormFlash(SECRET, encodeFormFlash(SECRET, { form: 'reply-42', ref })!)).toEqual({ form: 'reply-42', ref });
    expect(decodeFormFlash(SECRET, encodeFormFlash(SECRET, { form: 'reply-42', ref: "' or 1=1 --" })!)).toBeNull();
  });

  it('sends the browser back to the page on this site it came from, and nowhere else', () => {
    const site = ['http://127.0.0.1:3000'];
    expect(backPath('http://127.0.0.1:3000/login?callbackUrl=%2Faccount', site, '127.0.0.1:3000')).toBe('/login?callbackUrl=%2Faccount');
    expect(backPath('http://news.example/account', site, 'news.example')).toBe('/account');
    expect(backPath('https://evil.example/phish', site, '127.0.0.1:3000')).toBe('/');
    expect(backPath(null, site, '127.0.0.1:3000')).toBe('/');
    expect(backPath('not a url', site, null)).toBe('/');
  });
});
