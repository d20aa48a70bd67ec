import { randomBytes } from 'node:crypto';

import { like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { signInThrottle } from '@/db/schema';

import { THROTTLE, signInDelayMs, sweepThrottles } from './throttles';

const tag = randomBytes(4).toString('hex');
afterEach(() => getDb().delete(signInThrottle).where(like(signInThrottle.key, `%${tag}%`)));

describe('a sign-in delay', () => {
  it('is nothing for the free failures, then doubles up to its ceiling', () => {
    const { accountFreeFailures: free, accountMaxDelayMs: max, delayStepMs: step } = THROTTLE;
    expect(signInDelayMs(0, free, max)).toBe(0);
    expect(signInDelayMs(free, free, max)).toBe(0);
    expect(signInDelayMs(free + 1, free, max)).toBe(step);
    expect(signInDelayMs(free + 2, free, max)).toBe(2 * step);
    expect(signInDelayMs(free + 3, free, max)).toBe(4 * step);
    expect(signInDelayMs(10_000, free, max)).toBe(max);
  });

  it("is at most a few seconds for a client, so a burst from a shared address slows its readers but never locks them out", () => {
    expect(signInDelayMs(10_000, THROTTLE.clientFreeFailures, THROTTLE.clientMaxDelayMs)).toBe(THROTTLE.clientMaxDelayMs);
    expect(THROTTLE.clientMaxDelayMs).toBeLessThanOrEqual(5_000);
  });
});

describe('sweepThrottles', () => {
  it('deletes counts whose window and lock are over, and keeps the rest', async () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    await getDb()
      .insert(signInThrottle)
      .values([
        { key: `ip:spent-${tag}`, attempts: 40, windowStartedAt: hoursAgo(2) },
        { key: `pair:locked-${tag}`, attempts: 9, windowStartedAt: hoursAgo(2), lockedUntil: new Date(Date.now() + 60_000) },
        { key: `register:fresh-${tag}`, attempts: 3, windowStartedAt: hoursAgo(0.5) },
      ]);
    expect(await sweepThrottles()).toBeGreaterThanOrEqual(1);
    const left = await getDb().select({ key: signInThrottle.key }).from(signInThrottle).where(like(signInThrottle.key, `%${tag}%`));
    expect(left.map((row) => row.key).sort()).toEqual([`pair:locked-${tag}`, `register:fresh-${tag}`]);
  });
});
