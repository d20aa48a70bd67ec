import { describe, expect, it } from 'vitest';

import { MODERATION, commentsOpen, holdReason } from './moderation';

describe('holdReason', () => {
  it("holds a new account's first comments", () => {
    expect(holdReason('Hello there', 0, true)).toBe('new-account');
    expect(holdReason('Hello there', MODERATION.firstCommentsHeld - 1, true)).toBe('new-account');
    expect(holdReason('Hello there', MODERATION.firstCommentsHeld, true)).toBeNull();
  });

  it('holds comments with many links or a listed word', () => {
    expect(holdReason('https://a.example https://b.example https://c.example', 10, true)).toBe('links');
    expect(holdReason('Win big at the CASINO tonight', 10, true)).toBe('words');
    expect(holdReason('Occasional casinos? no: whole words only, casinos', 10, true)).toBeNull();
  });
});

describe('commentsOpen', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  it('closes after 30 days or when an editor closes them', () => {
    expect(commentsOpen(new Date(now - 29 * 86_400_000), false, now)).toBe(true);
    expect(commentsOpen(new Date(now - 31 * 86_400_000), false, now)).toBe(false);
    expect(commentsOpen(new Date(now - 86_400_000), true, now)).toBe(false);
  });
});
