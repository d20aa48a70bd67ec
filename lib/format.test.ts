import { describe, expect, it } from 'vitest';

import { formatDate, formatDateTime } from './format';

describe('dates in the newsroom time zone', () => {
  it('names the zone, and follows its summer time', () => {
    expect(formatDateTime('2026-11-24T15:30:00Z', 'Europe/London')).toBe('24 November 2026 at 15:30 GMT');
    expect(formatDateTime('2026-07-01T08:00:00Z', 'Europe/London')).toBe('1 July 2026 at 09:00 BST');
    expect(formatDateTime('2026-07-01T08:00:00Z', 'UTC')).toBe('1 July 2026 at 08:00 UTC');
  });

  it('gives the day as it is in the zone', () => {
    expect(formatDate('2026-11-24T23:30:00Z', 'Europe/London')).toBe('24 Nov 2026');
    expect(formatDate('2026-11-24T23:30:00Z', 'Asia/Tokyo')).toBe('25 Nov 2026');
  });
});
