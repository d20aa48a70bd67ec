import { describe, expect, it } from 'vitest';

import { BAN_UNTIL, commentStanding } from './comment-standing';

describe('commentStanding', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');

  it('is active with no suspension, or one that has ended', () => {
    expect(commentStanding(null, now)).toEqual({ kind: 'active' });
    expect(commentStanding(new Date(now - 1000), now)).toEqual({ kind: 'active' });
    expect(commentStanding(new Date(now), now)).toEqual({ kind: 'active' });
  });

  it('is suspended until the stored moment while it lies ahead', () => {
    expect(commentStanding(new Date(now + 7 * 86_400_000), now)).toEqual({ kind: 'suspended', until: '2026-12-01T12:00:00.000Z' });
  });

  it('is banned at BAN_UNTIL (the date a ban stores) or later, never "suspended until 9999"', () => {
    expect(BAN_UNTIL.toISOString()).toBe('9999-12-31T00:00:00.000Z');
    expect(commentStanding(BAN_UNTIL, now)).toEqual({ kind: 'banned' });
    expect(commentStanding(new Date('9999-12-31T23:59:59Z'), now)).toEqual({ kind: 'banned' });
    expect(commentStanding(new Date('9999-12-30T00:00:00Z'), now)).toMatchObject({ kind: 'suspended' });
  });
});
