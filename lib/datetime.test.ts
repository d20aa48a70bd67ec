import { describe, expect, it } from 'vitest';

import { utcToZonedLocal, zonedLocalToUtc } from './datetime';

describe('zonedLocalToUtc', () => {
  it('converts winter and summer times in London', () => {
    expect(zonedLocalToUtc('2026-01-15T09:30', 'Europe/London')?.toISOString()).toBe('2026-01-15T09:30:00.000Z');
    expect(zonedLocalToUtc('2026-07-15T09:30', 'Europe/London')?.toISOString()).toBe('2026-07-15T08:30:00.000Z');
  });

  it('handles zones east and west of UTC', () => {
    expect(zonedLocalToUtc('2026-07-15T09:30', 'America/New_York')?.toISOString()).toBe('2026-07-15T13:30:00.000Z');
    expect(zonedLocalToUtc('2026-01-15T09:30', 'Asia/Kolkata')?.toISOString()).toBe('2026-01-15T04:00:00.000Z');
  });

  it('is exact on both sides of a daylight-saving change', () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 in London.
    expect(zonedLocalToUtc('2026-03-29T00:30', 'Europe/London')?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedLocalToUtc('2026-03-29T02:30', 'Europe/London')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses malformed and impossible times', () => {
    for (const bad of ['', '2026-02-31T10:00', '2026-13-01T10:00', '2026-01-01 10:00', '2026-01-01T24:00', 'tomorrow']) {
      expect(zonedLocalToUtc(bad, 'Europe/London')).toBeNull();
    }
  });
});

describe('utcToZonedLocal', () => {
  it('round-trips', () => {
    for (const local of ['2026-01-15T09:30', '2026-07-15T23:59', '2026-10-25T00:15']) {
      expect(utcToZonedLocal(zonedLocalToUtc(local, 'Europe/London')!, 'Europe/London')).toBe(local);
    }
  });
});
