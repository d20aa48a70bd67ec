import { randomBytes } from 'node:crypto';

import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

import { createAccount } from '@/data/accounts';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { formOf, redirectOf, setUpSignInTests } from '@/test/action-helpers';
import { recorded } from '@/test/stubs/next-cache';
import { cookieJar, newBrowser } from '@/test/stubs/next-headers';

import { changePasswordAction, signOutEverywhereAction, updateProfileAction } from './account';
import { signInAction } from './auth';

// The real Auth.js sign-in, session and sign-out run, in a stand-in request whose cookies the test can see and replay.
vi.mock('next/headers', () => import('@/test/stubs/next-headers'));

const accounts = setUpSignInTests();
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new passphrase';
const SESSION_COOKIE = 'authjs.session-token';
const TO_SIGN_IN = '/login?callbackUrl=%2Faccount';
const TAKEN = 'That name belongs to the newsroom or one of its staff. Choose a name of your own.';

/** An account signed in in the current browser; its session cookie, to replay later. */
async function signedIn(name: string) {
  const account = await accounts.account(name, PASSWORD);
  await redirectOf(signInAction({ ok: false }, formOf({ email: account.email, password: PASSWORD, callbackUrl: '/account' })));
  return { ...account, cookie: cookieJar.get(SESSION_COOKIE)! };
}

const rename = (name: string) => updateProfileAction({ ok: false }, formOf({ name }));
const changePassword = (currentPassword: string, password = NEW_PASSWORD, confirmPassword = password) =>
  changePasswordAction({ ok: false }, formOf({ currentPassword, password, confirmPassword }));
const nameOf = async (id: string) => (await getDb().select({ name: users.name }).from(users).where(eq(users.id, id)))[0]!.name;
const signInWith = (email: string, password: string) => signInAction({ ok: false }, formOf({ email, password, callbackUrl: '/' }));

describe('updateProfileAction', () => {
  it('changes the display name (trimmed) and renders the masthead again', async () => {
    const ada = await signedIn('Ada');
    expect(await rename('  Ada Lovelace ')).toEqual({ ok: true, values: { name: 'Ada Lovelace' } });
    expect(await nameOf(ada.id)).toBe('Ada Lovelace');
    expect(recorded.paths).toEqual(['/']);
  });

  it('gives a field error and keeps what was typed; changes nothing', async () => {
    const bo = await signedIn('Bo');
    expect(await rename('B')).toEqual({ ok: false, formError: 'Please correct the highlighted fields.', fieldErrors: { name: ['Use at least 2 characters.'] }, values: { name: 'B' } });
    expect(await rename('Bo\u0007 Bell')).toMatchObject({ ok: false, fieldErrors: { name: ['Control characters are not allowed.'] } });
    expect(await nameOf(bo.id)).toBe('Bo');
    expect(recorded.paths).toEqual([]);
  });

  it('sends a visitor who is not signed in to sign in, and back to the account page', async () => {
    expect(await redirectOf(rename('Nobody'))).toBe(TO_SIGN_IN);
  });

  it("refuses a staff member's name, however disguised, and reserved names; the staff member keeps their own", async () => {
    const staffName = `Mara Quill ${randomBytes(3).toString('hex')}`;
    const mara = await createAccount({ name: staffName, email: accounts.email('mara'), password: PASSWORD, role: 'editor' });
    const fay = await signedIn('Fay');
    for (const disguise of [staffName, staffName.toUpperCase(), `  ${staffName.replace(' ', '\u200b  ')}`, `Mara-Quill-${staffName.slice(11)}`, 'Demo Admin', 'ADMIN', 'Ｍｏｄｅｒａｔｏｒ', 'The Daily Ledger']) {
      expect(await rename(disguise)).toEqual({ ok: false, fieldErrors: { name: [TAKEN] } });
    }
    expect(await nameOf(fay.id)).toBe('Fay');
    expect(recorded.paths).toEqual([]);

    newBrowser({ 'x-forwarded-for': `staff-keeps-name-${randomBytes(4).toString('hex')}` });
    await redirectOf(signInWith(mara.email, PASSWORD));
    expect(await rename(` ${staffName} `)).toEqual({ ok: true, values: { name: staffName } });
  });

  it('refuses names of invisible characters only and names with text-direction controls', async () => {
    const gil = await signedIn('Gil');
    expect(await rename('\u200b\u200c\u200d')).toMatchObject({ ok: false, fieldErrors: { name: ['Use visible characters, not only spaces or invisible ones.'] } });
    expect(await rename('Gil\u202egnirts')).toMatchObject({ ok: false, fieldErrors: { name: ['Text-direction control characters are not allowed.'] } });
    expect(await nameOf(gil.id)).toBe('Gil');
  });
});

describe('changePasswordAction', () => {
  it('refuses a wrong current password on its field, and keeps the old password', async () => {
    const cy = await signedIn('Cy');
    expect(await changePassword('not my password')).toEqual({ ok: false, fieldErrors: { currentPassword: ['That is not your current password.'] } });
    expect(await changePassword(PASSWORD, NEW_PASSWORD, 'something else entirely')).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ['The passwords do not match.'] } });
    expect(await changePassword(PASSWORD, 'short')).toMatchObject({ ok: false, fieldErrors: { password: ['Use at least 10 characters.'] } });
    newBrowser({ 'x-forwarded-for': 'change-password-check' });
    expect(await redirectOf(signInWith(cy.email, PASSWORD))).toBe('http://localhost:3000/');
  });

  it('changes it, keeps this browser signed in, and ends every other session', async () => {
    const dee = await signedIn('Dee');
    expect(await redirectOf(changePassword(PASSWORD))).toBe('http://localhost:3000/account?changed=password');
    // This browser got a fresh session: it can still use its account page.
    expect(cookieJar.get(SESSION_COOKIE)).not.toBe(dee.cookie);
    expect(await rename('Dee Marsh')).toMatchObject({ ok: true });
    // A copy of the old cookie (another device, or a stolen one) is signed out.
    cookieJar.set(SESSION_COOKIE, dee.cookie);
    expect(await redirectOf(rename('Hijacked'))).toBe(TO_SIGN_IN);
    expect(await nameOf(dee.id)).toBe('Dee Marsh');
    // Only the new password signs in now.
    expect(await signInWith(dee.email, PASSWORD)).toMatchObject({ ok: false, formError: 'That e-mail address and password do not match an account.' });
    expect(await redirectOf(signInWith(dee.email, NEW_PASSWORD))).toBe('http://localhost:3000/');
  });

  it('sends a visitor who is not signed in to sign in', async () => {
    expect(await redirectOf(changePassword(PASSWORD))).toBe(TO_SIGN_IN);
  });
});

describe('signOutEverywhereAction', () => {
  it('ends every session of the account, this one and copies elsewhere, and goes to the front page', async () => {
    const eve = await signedIn('Eve');
    const otherDevice = eve.cookie;
    await redirectOf(signInWith(eve.email, PASSWORD));
    expect(await redirectOf(signOutEverywhereAction(formOf({})))).toBe('http://localhost:3000/');
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
    cookieJar.set(SESSION_COOKIE, otherDevice);
    expect(await redirectOf(rename('Still here?'))).toBe(TO_SIGN_IN);
    expect(await nameOf(eve.id)).toBe('Eve');
  });

  it('sends a visitor who is not signed in to sign in', async () => {
    expect(await redirectOf(signOutEverywhereAction(formOf({})))).toBe(TO_SIGN_IN);
  });
});
