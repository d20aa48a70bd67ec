import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { MAX_SERIAL_ID, cleanLine, isOneLine, isPlainText, optionalSerialId, pageParam, parseSerialId, queryText, serialId } from './common';

describe('serial ids', () => {
  it('takes canonical digits and numbers in the int4 range', () => {
    expect(parseSerialId('1')).toBe(1);
    expect(parseSerialId('2147483647')).toBe(MAX_SERIAL_ID);
    expect(parseSerialId(42)).toBe(42);
    expect(serialId().parse('7')).toBe(7);
  });

  it('refuses anything else, with the message the form gives', () => {
    for (const bad of ['0', '01', '-1', '+1', ' 1', '1 ', '1e3', '1.0', '0x10', '2147483648', '99999999999', '', 'abc', 0, -3, 1.5, MAX_SERIAL_ID + 1, Number.NaN, null, undefined, ['1'], {}]) {
      expect(parseSerialId(bad), String(bad)).toBeUndefined();
      const result = serialId('Choose a tag.').safeParse(bad);
      expect(result.success, String(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Choose a tag.');
    }
  });

  it('reads an empty pick as null', () => {
    const schema = z.object({ pictureId: optionalSerialId('Choose a picture.') });
    expect(schema.parse({ pictureId: '' })).toEqual({ pictureId: null });
    expect(schema.parse({})).toEqual({ pictureId: null });
    expect(schema.parse({ pictureId: '12' })).toEqual({ pictureId: 12 });
    expect(schema.safeParse({ pictureId: '012' }).error?.issues[0]?.message).toBe('Choose a picture.');
  });
});

describe('control characters', () => {
  const c0 = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code));
  const c1 = Array.from({ length: 0x21 }, (_, code) => String.fromCharCode(0x7f + code));

  it('lets text over several lines keep tabs and line breaks, and nothing else of C0, DEL or C1', () => {
    for (const allowed of ['\t', '\n', '\r']) expect(isPlainText(`a${allowed}b`)).toBe(true);
    for (const control of [...c0.filter((char) => !'\t\n\r'.includes(char)), ...c1]) expect(isPlainText(`a${control}b`), control.charCodeAt(0).toString(16)).toBe(false);
  });

  it('keeps one-line fields free of every control character, tabs and line breaks included', () => {
    for (const control of [...c0, ...c1]) expect(isOneLine(`a${control}b`), control.charCodeAt(0).toString(16)).toBe(false);
  });

  it('leaves ordinary text of any script alone', () => {
    for (const text of ['Harbour walls', 'Café — “quoted”', 'مرحبا', '東京', 'e\u0301 👏', '\u00a0non-breaking']) {
      expect(isPlainText(text)).toBe(true);
      expect(isOneLine(text)).toBe(true);
    }
  });
});

describe('query-string text', () => {
  it('turns control characters and runs of space into one space, trims and cuts', () => {
    expect(cleanLine('  flood\u0000walls\n\t"harbour"\u0085x  ', 100)).toBe('flood walls "harbour" x');
    expect(cleanLine('x'.repeat(500), 120)).toHaveLength(120);
  });

  it('never fails: the first of a repeated parameter, absent is empty, a bad page is the first', () => {
    const schema = z.object({ q: queryText(20), page: pageParam(50) });
    expect(schema.parse({ q: [' gull\u0000 ', 'x'], page: ['3', '9'] })).toEqual({ q: 'gull', page: 3 });
    expect(schema.parse({})).toEqual({ q: '', page: 1 });
    for (const page of ['0', '51', 'nope', '2.5']) expect(schema.parse({ page }).page).toBe(1);
  });
});
