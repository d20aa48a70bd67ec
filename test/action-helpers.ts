/** Helpers for tests that call server actions directly (as a forged request would). */
import { randomBytes } from 'node:crypto';

import { like } from 'drizzle-orm';
import { afterEach, beforeEach, expect } from 'vitest';

import { createAccount } from '@/data/accounts';
import { getDb } from '@/db/client';
import { mailMessages, signInThrottle, users } from '@/db/schema';

import { createFactory } from './factories';
import { signInAs } from './stubs/auth';
import { resetRecorded } from './stubs/next-cache';
import { newBrowser } from './stubs/next-headers';

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

/**
 * The set-up of tests that run the real Auth.js sign-in (the file mocks next/headers with './stubs/next-headers'):
 * before each test a new browser with a client address of its own (so the throttle counts only this test's
 * attempts); after it, the accounts and throttle counts the test made are deleted.
 */
export function setUpSignInTests() {
  const run = randomBytes(4).toString('hex');
  let browsers = 0;
  const anotherBrowser = () => {
    browsers += 1;
    newBrowser({ 'x-forwarded-for': `test-${run}-${browsers}` });
  };
  beforeEach(() => {
    anotherBrowser();
    resetRecorded();
  });
  afterEach(async () => {
    await getDb().delete(users).where(like(users.email, `%-${run}@example.test`));
    await getDb().delete(signInThrottle).where(like(signInThrottle.key, `%${run}%`));
    await getDb().delete(mailMessages).where(like(mailMessages.toAddress, `%-${run}@example.test`));
  });
  const email = (name: string) => `${name}-${run}@example.test`;
  return {
    /** An address no account has yet, deleted after the test if one is made with it. */
    email,
    /** A new browser from a client address of its own (another person, or another device). */
    anotherBrowser,
    /** A reader account with this password, as registration makes it. */
    account: (name: string, password: string) => createAccount({ name, email: email(name.toLowerCase()), password }),
  };
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
