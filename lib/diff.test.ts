import { describe, expect, it } from 'vitest';

import { diffText, type DiffRow } from './diff';

/** A row as text: " same", "-removed", "+added", or "~" then the edit with [-removed-] and {+added+} marked. */
const showRow = (row: DiffRow): string =>
  row.kind === 'changed'
    ? `~${row.spans.map((span) => (span.kind === 'same' ? span.text : span.kind === 'removed' ? `[-${span.text}-]` : `{+${span.text}+}`)).join('')}`
    : `${row.kind === 'same' ? ' ' : row.kind === 'added' ? '+' : '-'}${row.text}`;
const show = (before: string, after: string) => diffText(before, after).map(showRow);

/** Each side rebuilt from the rows: nothing may be lost, reordered or invented. */
function sides(rows: DiffRow[]) {
  const side = (skip: 'added' | 'removed') =>
    rows
      .filter((row) => row.kind !== skip)
      .map((row) => (row.kind === 'changed' ? row.spans.filter((span) => span.kind !== skip).map((span) => span.text).join('') : row.text))
      .join('\n');
  return { before: side('added'), after: side('removed') };
}

const paragraph = (word: string) =>
  `The harbour board met on Tuesday evening and agreed, after a long and ${word} debate, that the night ferry to the islands will run again from March, with two sailings a week and a review in the autumn.`;

describe('diffText', () => {
  it('marks nothing when nothing changed', () => {
    expect(show('a\nb', 'a\nb')).toEqual([' a', ' b']);
  });

  it('shows one changed word in a long paragraph as that word removed and added, the rest unchanged', () => {
    const before = `Opening line.\n\n${paragraph('heated')}\n\nClosing line.`;
    const after = `Opening line.\n\n${paragraph('lively')}\n\nClosing line.`;
    const rows = diffText(before, after);
    expect(rows.map(showRow)).toEqual([' Opening line.', ' ', `~${paragraph('[-heated-]{+lively+}')}`, ' ', ' Closing line.']);
    const edited = rows.find((row) => row.kind === 'changed');
    expect(edited?.kind === 'changed' && edited.spans.filter((span) => span.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'heated' },
      { kind: 'added', text: 'lively' },
    ]);
  });

  it('shows a line rewritten beyond recognition as removed then added, between unchanged ones', () => {
    expect(show('one\ntwo\nthree', 'one\n2\nthree')).toEqual([' one', '-two', '+2', ' three']);
    expect(show('keep\nThe council met today.\nkeep', 'keep\nRain is forecast for Sunday.\nkeep')).toEqual([
      ' keep',
      '-The council met today.',
      '+Rain is forecast for Sunday.',
      ' keep',
    ]);
  });

  it('finds insertions and deletions of whole lines in the middle', () => {
    expect(show('a\nb\nc\nd', 'a\nc\nx\nd')).toEqual([' a', '-b', ' c', '+x', ' d']);
  });

  it('handles empty sides', () => {
    expect(show('', 'new')).toEqual(['-', '+new']);
    expect(show('old', 'old\n')).toEqual([' old', '+']);
    expect(show('', '')).toEqual([' ']);
  });

  it('shows changed spacing and punctuation inside a line, and a paragraph split in two', () => {
    expect(show('Ferry  returns, at last', 'Ferry returns at last!')).toEqual(['~Ferry[-  -]{+ +}returns[-,-] at last{+!+}']);
    expect(show('The ferry returns. It sails at dawn.', 'The ferry returns.\nIt sails at dawn.')).toEqual(['~The ferry returns.[- -]{+\n+}It sails at dawn.']);
  });

  it('keeps every line of both sides, in order', () => {
    const before = Array.from({ length: 200 }, (_, n) => `line ${n} of the story`).join('\n');
    const after = Array.from({ length: 200 }, (_, n) => (n % 7 === 0 ? `line ${n} of the changed story` : n % 11 === 0 ? `rewritten ${n}` : `line ${n} of the story`)).join('\n');
    const rows = diffText(before, after);
    expect(sides(rows)).toEqual({ before, after });
    expect(rows.filter((row) => row.kind === 'changed')).toHaveLength(29);
    expect(rows.filter((row) => row.kind === 'same')).toHaveLength(200 - 29 - 16);
  });

  it('stays fast and complete on two large, entirely different bodies', () => {
    const body = (seed: number) => Array.from({ length: 5_000 }, (_, n) => `Paragraph ${n * seed} says ${(n * seed) % 97} things about ${seed}.`).join('\n\n');
    const [before, after] = [body(3), body(7)];
    const started = performance.now();
    const rows = diffText(before, after);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(sides(rows)).toEqual({ before, after });
  });

  it('stays fast on a large body with one word changed in each of many paragraphs', () => {
    const before = Array.from({ length: 400 }, (_, n) => paragraph(`heated${n}`)).join('\n\n');
    const after = Array.from({ length: 400 }, (_, n) => paragraph(n % 2 ? `lively${n}` : `heated${n}`)).join('\n\n');
    const started = performance.now();
    const rows = diffText(before, after);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(rows.filter((row) => row.kind === 'changed')).toHaveLength(200);
    expect(sides(rows)).toEqual({ before, after });
  });
});
