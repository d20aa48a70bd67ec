import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

import { THROTTLE } from '@/data/accounts';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { formOf, redirectOf, setUpSignInTests } from '@/test/action-helpers';
import { newestMailTo, tokenOfLink } from '@/test/mailbox';
import { cookieJar } from '@/test/stubs/next-headers';

import { registerAction, signInAction, signOutAction } from './auth';

// The real Auth.js sign-in runs, in a stand-in request whose cookies the test can see.
vi.mock('next/headers', () => import('@/test/stubs/next-headers'));

const accounts = setUpSignInTests();
const PASSWORD = 'correct horse battery';
const SESSION_COOKIE = 'authjs.session-token';
const NO_MATCH = 'That e-mail address and password do not match an account.';
const THROTTLED = 'Too many sign-in attempts. Please wait a few minutes and try again.';

const signIn = (email: string, password: string, callbackUrl = '/') => signInAction({ ok: false }, formOf({ email, password, callbackUrl }));

describe('signInAction', () => {
  it('signs in with the right password and goes back to the same-site callback, never off the site', async () => {
    const { email } = await accounts.account('Ada', PASSWORD);
    expect(await redirectOf(signIn(email.toUpperCase(), PASSWORD, '/world/some-story?x=1#comments'))).toBe('http://localhost:3000/world/some-story?x=1#comments');
    expect(cookieJar.has(SESSION_COOKIE)).toBe(true);
    for (const hostile of ['//evil.example/x', 'https://evil.example/']) {
      expect(await redirectOf(signIn(email, PASSWORD, hostile))).toBe('http://localhost:3000/');
    }
  });

  it('refuses a wrong password, an unknown address and a disabled account with one message, keeping the address', async () => {
    const { email } = await accounts.account('Bo', PASSWORD);
    expect(await signIn(email, 'not the password')).toEqual({ ok: false, formError: NO_MATCH, values: { email } });
    expect(await signIn(accounts.email('nobody'), PASSWORD)).toEqual({ ok: false, formError: NO_MATCH, values: { email: accounts.email('nobody') } });
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.email, email));
    expect(await signIn(email, PASSWORD)).toEqual({ ok: false, formError: NO_MATCH, values: { email } });
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
  });

  it('says what is missing without trying to sign in', async () => {
    expect(await signIn('not an address', '')).toMatchObject({
      ok: false,
      formError: 'Please correct the highlighted fields.',
      fieldErrors: { email: ['Enter a valid e-mail address.'], password: ['Enter your password.'] },
      values: { email: 'not an address' },
    });
  });

  it(`is throttled after ${THROTTLE.accountAttempts} failed attempts on an account, even with the right password`, async () => {
    const { email } = await accounts.account('Cy', PASSWORD);
    for (let attempt = 0; attempt < THROTTLE.accountAttempts; attempt += 1) {
      expect(await signIn(email, `wrong guess ${attempt}`)).toMatchObject({ ok: false, formError: NO_MATCH });
    }
    expect(await signIn(email, PASSWORD)).toEqual({ ok: false, formError: THROTTLED, values: { email } });
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
  });
});

describe('registerAction', () => {
  const register = (values: Record<string, string>) => registerAction({ ok: false }, formOf({ callbackUrl: '/', ...values }));

  it('creates an unverified reader account, queues the confirmation link and signs nobody in', async () => {
    const email = accounts.email('dee');
    expect(await redirectOf(register({ name: ' Dee Marsh ', email, password: PASSWORD, confirmPassword: PASSWORD, callbackUrl: '/account' }))).toBe('/register?sent=1&callbackUrl=%2Faccount');
    expect(await getDb().select({ name: users.name, role: users.role, emailVerified: users.emailVerified }).from(users).where(eq(users.email, email))).toEqual([
      { name: 'Dee Marsh', role: 'reader', emailVerified: null },
    ]);
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
    const mail = await newestMailTo(email);
    expect(mail).toMatchObject({ kind: 'account', subject: 'Confirm your e-mail address' });
    expect(tokenOfLink(mail, '/account/verify-email')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The password works at once; the address is confirmed later.
    expect(await redirectOf(signIn(email, PASSWORD))).toBe('http://localhost:3000/');
  });

  it('gives per-field errors and keeps the name and address, never the passwords', async () => {
    const email = accounts.email('eve');
    const result = await register({ name: 'E', email, password: 'short', confirmPassword: 'shorter' });
    expect(result).toEqual({
      ok: false,
      formError: 'Please correct the highlighted fields.',
      fieldErrors: { name: ['Use at least 2 characters.'], password: ['Use at least 10 characters.'], confirmPassword: ['The passwords do not match.'] },
      values: { name: 'E', email },
    });
    expect(await getDb().select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it('answers an address that already has an account (whatever its case) the same way, and tells its owner instead', async () => {
    const { email } = await accounts.account('Fay', PASSWORD);
    expect(await redirectOf(register({ name: 'Someone Else', email: email.toUpperCase(), password: 'another long password', confirmPassword: 'another long password' }))).toBe('/register?sent=1&callbackUrl=%2F');
    expect(await getDb().select({ name: users.name }).from(users).where(eq(users.email, email))).toEqual([{ name: 'Fay' }]);
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
    const mail = await newestMailTo(email);
    expect(mail.subject).toBe('Someone tried to register with your address');
    expect(mail.text).toContain('nothing was changed');
    expect(mail.text).not.toContain('verify-email');
    expect(await redirectOf(signIn(email, PASSWORD))).toBe('http://localhost:3000/');
  });
});

describe('signOutAction', () => {
  it('ends this session and goes to the front page', async () => {
    const { email } = await accounts.account('Gus', PASSWORD);
    await redirectOf(signIn(email, PASSWORD));
    expect(cookieJar.has(SESSION_COOKIE)).toBe(true);
    expect(await redirectOf(signOutAction(formOf({})))).toBe('http://localhost:3000/');
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
  });
});
