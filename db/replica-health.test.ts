import { describe, expect, it } from 'vitest';

import { describeServer, isWithinBound, parseLsn, probeTiming, pruneHistory, type PrimarySample } from './replica-health';

describe('the replica lag bound', () => {
  it('reads WAL positions as PostgreSQL prints them', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('0/3000148')).toBe(0x3000148n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(() => parseLsn('16-B374D848')).toThrow(/not a WAL position/);
  });

  // The primary's positions, asked for every 500 ms.
  const history: PrimarySample[] = [
    { sentAt: 10_000, lsn: 100n },
    { sentAt: 10_500, lsn: 200n },
    { sentAt: 11_000, lsn: 300n },
    { sentAt: 11_500, lsn: 400n },
  ];

  it('uses a replica that has replayed what the primary had written the bound before the verdict runs out', () => {
    // Valid until 12,500 with a 2,000 ms bound: every commit before 10,500 must be there, and the position asked
    // for at 10,500 covers them.
    expect(isWithinBound(history, 200n, 12_500, 2000)).toBe(true);
    expect(isWithinBound(history, 250n, 12_500, 2000)).toBe(true);
    expect(isWithinBound(history, 199n, 12_500, 2000)).toBe(false);
    // No sample exactly at the moment: the first one after it, which is stricter, never the one before.
    expect(isWithinBound(history, 200n, 12_600, 2000)).toBe(false);
    expect(isWithinBound(history, 300n, 12_600, 2000)).toBe(true);
  });

  it('does not use a replica that is not a standby, or when the primary has not answered lately', () => {
    expect(isWithinBound(history, null, 12_500, 2000)).toBe(false);
    // The newest position is from 11,500: nothing proves what was written up to 12,000.
    expect(isWithinBound(history, 10_000n, 14_000, 2000)).toBe(false);
    expect(isWithinBound([], 10_000n, 12_500, 2000)).toBe(false);
  });

  it('forgets only positions no later verdict can need', () => {
    expect(pruneHistory(history, 10_500).map((sample) => sample.sentAt)).toEqual([10_500, 11_000, 11_500]);
    expect(pruneHistory(history, 9_000)).toBe(history);
    expect(pruneHistory(history, 12_000)).toEqual([]);
  });

  it('checks four times per bound, at most twice a second, and a verdict lasts two rounds (never more than half the bound)', () => {
    expect(probeTiming(2000)).toEqual({ intervalMs: 500, validForMs: 1000 });
    expect(probeTiming(60_000)).toEqual({ intervalMs: 500, validForMs: 1000 });
    expect(probeTiming(100)).toEqual({ intervalMs: 25, validForMs: 50 });
  });

  it('names a server in the log without its credentials', () => {
    expect(describeServer('postgres://reader:secret@replica-1.internal:6432/newsroom?sslmode=require')).toBe('replica-1.internal:6432/newsroom');
    expect(describeServer('postgresql://replica-2/newsroom')).toBe('replica-2:5432/newsroom');
  });
});
