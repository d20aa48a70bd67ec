import { describe, expect, it } from 'vitest';

import { diffLines } from './diff';

const show = (before: string, after: string) => diffLines(before, after).map((line) => `${line.kind === 'same' ? ' ' : line.kind === 'added' ? '+' : '-'}${line.text}`);

describe('diffLines', () => {
  it('marks nothing when nothing changed', () => {
    expect(show('a\nb', 'a\nb')).toEqual([' a', ' b']);
  });

  it('shows a changed line as removed then added, between unchanged ones', () => {
    expect(show('one\ntwo\nthree', 'one\n2\nthree')).toEqual([' one', '-two', '+2', ' three']);
  });

  it('finds insertions and deletions in the middle', () => {
    expect(show('a\nb\nc\nd', 'a\nc\nx\nd')).toEqual([' a', '-b', ' c', '+x', ' d']);
  });

  it('handles empty sides', () => {
    expect(show('', 'new')).toEqual(['-', '+new']);
    expect(show('old', 'old\n')).toEqual([' old', '+']);
  });

  it('keeps every line of both sides, in order', () => {
    const before = Array.from({ length: 200 }, (_, n) => `line ${n}`).join('\n');
    const after = Array.from({ length: 200 }, (_, n) => (n % 7 === 0 ? `changed ${n}` : `line ${n}`)).join('\n');
    const diff = diffLines(before, after);
    expect(diff.filter((line) => line.kind !== 'added').map((line) => line.text).join('\n')).toBe(before);
    expect(diff.filter((line) => line.kind !== 'removed').map((line) => line.text).join('\n')).toBe(after);
  });
});
