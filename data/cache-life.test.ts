import { describe, expect, it } from 'vitest';

import { DAY, HOUR, lifetimeUntil } from './cache-life';

describe('lifetimeUntil', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');

  it('uses the cap when nothing is scheduled', () => {
    expect(lifetimeUntil(null, HOUR, now)).toEqual({ stale: 300, revalidate: HOUR, expire: HOUR });
  });

  it('ends when the next scheduled story falls due', () => {
    const due = new Date(now + 90_000);
    expect(lifetimeUntil(due, DAY, now)).toEqual({ stale: 90, revalidate: 90, expire: 90 });
  });

  it('never asks for a lifetime below one second, even for a moment already past', () => {
    expect(lifetimeUntil(new Date(now - 5_000), DAY, now).expire).toBe(1);
  });
});
