import { describe, expect, it } from 'vitest';

import { confirmHref, pageHref } from './confirm-href';

describe('pageHref', () => {
  it('leaves out empty values and repeats arrays', () => {
    expect(pageHref('/dashboard/comments', { tab: 'reported', page: undefined, q: '', commentId: [3, 4] })).toBe('/dashboard/comments?tab=reported&commentId=3&commentId=4');
    expect(pageHref('/dashboard/tags/3')).toBe('/dashboard/tags/3');
  });
});

describe('confirmHref', () => {
  it('adds the step and the dialog anchor, keeping the page’s own query', () => {
    expect(confirmHref('/dashboard/articles/7', 'unpublish')).toBe('/dashboard/articles/7?confirm=unpublish#confirm');
    expect(confirmHref('/dashboard/comments', 'reject', { tab: 'all', page: 2, commentId: 9 })).toBe('/dashboard/comments?tab=all&page=2&commentId=9&confirm=reject#confirm');
  });
  it('encodes what it is given', () => {
    expect(confirmHref('/dashboard/tags/1', 'merge', { into: 'a b&c' })).toBe('/dashboard/tags/1?into=a+b%26c&confirm=merge#confirm');
  });
});
