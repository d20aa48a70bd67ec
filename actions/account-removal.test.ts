import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { formOf, redirectOf, setUpSignInTests } from '@/test/action-helpers';
import { cookieJar } from '@/test/stubs/next-headers';

import { deleteAccountAction } from './account-removal';
import { signInAction } from './auth';

// The real Auth.js sign-in and sign-out run, in a stand-in request whose cookies the test can see.
vi.mock('next/headers', () => import('@/test/stubs/next-headers'));

const accounts = setUpSignInTests();
const PASSWORD = 'correct horse battery';
const SESSION_COOKIE = 'authjs.session-token';

const leave = (values: Record<string, string>) => deleteAccountAction({ ok: false }, formOf(values));
const exists = async (id: string) => (await getDb().select({ id: users.id }).from(users).where(eq(users.id, id))).length === 1;

async function signedIn(name: string) {
  const account = await accounts.account(name, PASSWORD);
  await redirectOf(signInAction({ ok: false }, formOf({ email: account.email, password: PASSWORD, callbackUrl: '/account' })));
  return account;
}

describe('deleteAccountAction', () => {
  it('deletes the account with the right password, signs out and says goodbye', async () => {
    const ada = await signedIn('Ada');
    expect(await redirectOf(leave({ password: PASSWORD, comments: 'keep' }))).toBe('http://localhost:3000/account/deleted');
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
    expect(await exists(ada.id)).toBe(false);
  });

  it('refuses a wrong password or a missing choice beside the field, keeping the choice, never the password', async () => {
    const bo = await signedIn('Bo');
    expect(await leave({ password: 'not my password', comments: 'remove' })).toEqual({ ok: false, fieldErrors: { password: ['That is not your password.'] }, values: { comments: 'remove' } });
    expect(await leave({ password: PASSWORD, comments: 'shred' })).toMatchObject({ ok: false, fieldErrors: { comments: ['Choose what happens to your comments.'] }, values: { comments: 'shred' } });
    expect(await leave({ password: '', comments: 'keep' })).toMatchObject({ ok: false, fieldErrors: { password: ['Enter your password.'] } });
    expect(await exists(bo.id)).toBe(true);
    expect(cookieJar.has(SESSION_COOKIE)).toBe(true);
  });

  it('sends a visitor who is not signed in to sign in', async () => {
    expect(await redirectOf(leave({ password: PASSWORD, comments: 'keep' }))).toBe('/login?callbackUrl=%2Faccount%2Fdelete');
  });
});
