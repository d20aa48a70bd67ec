import { describe, expect, it } from 'vitest';

import { THROTTLE, accountDelayMs } from './throttles';

describe("an account's delay", () => {
  it('is nothing for the first failures, then doubles up to its ceiling', () => {
    expect(accountDelayMs(0)).toBe(0);
    expect(accountDelayMs(THROTTLE.accountFreeFailures)).toBe(0);
    expect(accountDelayMs(THROTTLE.accountFreeFailures + 1)).toBe(THROTTLE.accountDelayStepMs);
    expect(accountDelayMs(THROTTLE.accountFreeFailures + 2)).toBe(2 * THROTTLE.accountDelayStepMs);
    expect(accountDelayMs(THROTTLE.accountFreeFailures + 3)).toBe(4 * THROTTLE.accountDelayStepMs);
    expect(accountDelayMs(10_000)).toBe(THROTTLE.accountMaxDelayMs);
  });
});
