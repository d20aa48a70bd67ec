import { describe, expect, it } from 'vitest';

import { firstLine, nextDeskSeenAt, publishedSinceStart, reviewProblemMessage } from './review';

describe('review loop rules', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('"published since" reaches back a day until something is marked as seen', () => {
    expect(publishedSinceStart(null, now)).toEqual(new Date('2026-02-28T12:00:00Z'));
    expect(publishedSinceStart(new Date('2026-02-20T08:00:00Z'), now)).toEqual(new Date('2026-02-20T08:00:00Z'));
  });

  it('"Mark as seen" stores when the page was shown, never earlier than before and never in the future', () => {
    const shown = new Date('2026-03-01T11:55:00Z');
    expect(nextDeskSeenAt(shown, null, now)).toEqual(shown);
    expect(nextDeskSeenAt(shown, new Date('2026-03-01T11:58:00Z'), now)).toEqual(new Date('2026-03-01T11:58:00Z'));
    expect(nextDeskSeenAt(new Date('2026-03-02T00:00:00Z'), null, now)).toEqual(now);
    expect(nextDeskSeenAt(null, null, now)).toEqual(now);
    expect(nextDeskSeenAt(new Date('nonsense'), null, now)).toEqual(now);
  });

  it('a note’s first line, shortened', () => {
    expect(firstLine('\n  Check the quote.  \nSecond line')).toBe('Check the quote.');
    expect(firstLine('')).toBe('');
    expect(firstLine('a'.repeat(200), 20)).toBe(`${'a'.repeat(19)}…`);
  });

  it('only known problem codes have a message (the query string is never echoed)', () => {
    expect(reviewProblemMessage('not-in-review')).toMatch(/Only a story in review can be sent back/);
    expect(reviewProblemMessage('<script>')).toBeNull();
    expect(reviewProblemMessage('toString')).toBeNull();
    expect(reviewProblemMessage(undefined)).toBeNull();
  });
});
