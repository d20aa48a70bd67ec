import { describe, expect, it } from 'vitest';

import { MAX_QUERY_LENGTH, cleanQuery, parseSearchParams } from './search';

describe('cleanQuery', () => {
  it('drops NUL and control characters and squeezes spaces', () => {
    expect(cleanQuery('  flood\u0000 walls\n\t"harbour"  ')).toBe('flood walls "harbour"');
  });

  it('caps very long queries', () => {
    expect(cleanQuery('x'.repeat(10_000))).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('keeps Unicode text intact', () => {
    expect(cleanQuery('Zoë café مرحبا 🌊')).toBe('Zoë café مرحبا 🌊');
  });
});

describe('parseSearchParams', () => {
  it('reads a full query string', () => {
    expect(parseSearchParams({ q: 'budget', section: 'politics', author: 'ada-marsh', from: '2026-01-01', to: '2026-02-01', page: '2', exact: '1' })).toEqual({
      q: 'budget',
      section: 'politics',
      author: 'ada-marsh',
      from: '2026-01-01',
      to: '2026-02-01',
      page: 2,
      exact: true,
    });
  });

  it('drops anything malformed instead of failing', () => {
    expect(parseSearchParams({ q: ['a', 'b'], section: "x' or 1=1", author: '<script>', from: '2026-13-45', to: 'yesterday', page: '-3', exact: 'yes' })).toEqual({
      q: 'a',
      section: undefined,
      author: undefined,
      from: undefined,
      to: undefined,
      page: 1,
      exact: false,
    });
    expect(parseSearchParams({})).toEqual({ q: '', section: undefined, author: undefined, from: undefined, to: undefined, page: 1, exact: false });
  });
});
