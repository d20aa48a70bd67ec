/** Helpers for tests that call server actions directly (as a forged request would). */
import { expect } from 'vitest';

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
