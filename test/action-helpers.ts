/** Helpers for tests that call server actions directly (as a forged request would). */
import { afterEach, beforeEach, expect } from 'vitest';

import { signInAs } from './stubs/auth';
import { resetRecorded } from './stubs/next-cache';
import { createFactory } from './factories';

/**
 * The set-up every action test file shares: before each test nobody is signed in and no cache call is recorded;
 * after it, what the returned factory made is deleted. The file itself mocks '@/auth' with './stubs/auth'.
 */
export function setUpActionTests(): ReturnType<typeof createFactory> {
  const factory = createFactory();
  beforeEach(() => {
    signInAs(null);
    resetRecorded();
  });
  afterEach(() => factory.cleanUp());
  return factory;
}

/** FormData from plain values; an array value becomes repeated fields (checkboxes, multi-selects). */
export function formOf(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

/** The path an action redirected to (Next's redirect() throws); fails the test when it did not redirect. */
export async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  )) as { digest?: string } | null;
  expect(error?.digest).toMatch(/^NEXT_REDIRECT/);
  return error!.digest!.split(';')[2]!;
}
