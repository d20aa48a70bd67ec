import { describe, expect, it } from 'vitest';

import { THROTTLE, signInDelayMs } from './throttles';

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
