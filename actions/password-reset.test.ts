import { eq, like, or, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

import { hashAccountToken } from '@/data/account-tokens';
import { THROTTLE } from '@/data/throttles';
import { MAIL_REQUEST_THROTTLE as RESET_THROTTLE } from '@/data/mail-request-throttle';
import { getDb } from '@/db/client';
import { accountTokens, signInThrottle, userSessions, users } from '@/db/schema';
import { formOf, redirectOf, setUpSignInTests } from '@/test/action-helpers';
import { mailTo, newestMailTo, tokenOfLink } from '@/test/mailbox';
import { cookieJar, newBrowser } from '@/test/stubs/next-headers';

import { updateProfileAction } from './account';
import { signInAction } from './auth';
import { requestPasswordResetAction, resetPasswordAction } from './password-reset';

// The real Auth.js sign-in runs, in a stand-in request whose cookies the test can see and replay.
vi.mock('next/headers', () => import('@/test/stubs/next-headers'));

const accounts = setUpSignInTests();
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new passphrase';
const SPENT = 'This link has expired or has already been used. Ask for a new one.';
const SESSION_COOKIE = 'authjs.session-token';
const SENT = '/forgot-password?sent=1';

const askFor = (email: string) => requestPasswordResetAction({ ok: false }, formOf({ email }));
const reset = (token: string, password = NEW_PASSWORD, confirmPassword = password) => resetPasswordAction({ ok: false }, formOf({ token, password, confirmPassword }));
const signIn = (email: string, password: string) => signInAction({ ok: false }, formOf({ email, password, callbackUrl: '/account' }));

/** Asks for a link for `email` and returns the token of the link the message carries. */
async function linkFor(email: string): Promise<string> {
  expect(await redirectOf(askFor(email))).toBe(SENT);
  const mail = await newestMailTo(email);
  expect(mail).toMatchObject({ kind: 'account', subject: 'Reset your password' });
  expect(mail.text).toContain('The link works once, for one hour.');
  return tokenOfLink(mail, '/reset-password');
}

describe('requestPasswordResetAction', () => {
  it('queues a one-hour link for an account, stored only as its hash', async () => {
    const { email, id } = await accounts.account('Ada', PASSWORD);
    const token = await linkFor(email.toUpperCase());
    const [row] = await getDb()
      .select({ userId: accountTokens.userId, kind: accountTokens.kind, minutes: sql<number>`round(extract(epoch from ${accountTokens.expiresAt} - now()) / 60)::int` })
      .from(accountTokens)
      .where(eq(accountTokens.tokenHash, hashAccountToken(token)));
    expect(row).toEqual({ userId: id, kind: 'reset_password', minutes: 60 });
    expect(await getDb().select().from(accountTokens).where(eq(accountTokens.tokenHash, token))).toEqual([]);
  });

  it('gives the same answer for an address without an account, and queues nothing', async () => {
    const email = accounts.email('nobody');
    expect(await redirectOf(askFor(email))).toBe(SENT);
    expect(await mailTo(email)).toEqual([]);
  });

  it(`is limited to ${RESET_THROTTLE.perAddress} links per address, whoever asks, with the wait in words`, async () => {
    const { email } = await accounts.account('Bo', PASSWORD);
    for (let n = 0; n < RESET_THROTTLE.perAddress; n += 1) {
      newBrowser({ 'x-forwarded-for': `${email}-client-${n}` });
      expect(await redirectOf(askFor(email))).toBe(SENT);
    }
    newBrowser({ 'x-forwarded-for': `${email}-client-last` });
    expect(await askFor(email)).toEqual({ ok: false, formError: 'Too many reset links were asked for. Please wait 15 minutes and try again.', values: { email } });
    expect(await mailTo(email)).toHaveLength(RESET_THROTTLE.perAddress);
    await getDb().delete(signInThrottle).where(sql`${signInThrottle.key} like ${`%${email}%`}`);
  });

  it(`is limited to ${RESET_THROTTLE.perClient} links per client, whatever the address`, async () => {
    for (let n = 0; n < RESET_THROTTLE.perClient; n += 1) expect(await redirectOf(askFor(accounts.email(`someone${n}`)))).toBe(SENT);
    expect(await askFor(accounts.email('one-more'))).toMatchObject({ ok: false, formError: expect.stringContaining('Too many reset links') });
  });

  it('says what is wrong with the address without asking the database', async () => {
    expect(await askFor('not an address')).toMatchObject({ ok: false, fieldErrors: { email: ['Enter a valid e-mail address.'] }, values: { email: 'not an address' } });
  });
});

describe('resetPasswordAction', () => {
  it('sets the new password, spends the link, ends every session and goes to sign in', async () => {
    const { email, id } = await accounts.account('Cy', PASSWORD);
    await redirectOf(signIn(email, PASSWORD));
    const oldSession = cookieJar.get(SESSION_COOKIE)!;
    await getDb().insert(userSessions).values({ id: `session-${id}`, userId: id, expiresAt: new Date(Date.now() + 86_400_000) });
    const token = await linkFor(email);

    newBrowser({ 'x-forwarded-for': `reset-${email}` });
    expect(await redirectOf(reset(token))).toBe('/login?reset=1');
    // Both sessions (the signed-in browser's and the one inserted above) are ended on the server.
    expect(await getDb().select({ revokedAt: userSessions.revokedAt }).from(userSessions).where(eq(userSessions.userId, id))).toEqual([{ revokedAt: expect.any(Date) }, { revokedAt: expect.any(Date) }]);
    // The session from before the reset no longer works.
    cookieJar.set(SESSION_COOKIE, oldSession);
    expect(await redirectOf(updateProfileAction({ ok: false }, formOf({ name: 'Hijacked' })))).toBe('/login?callbackUrl=%2Faccount');
    newBrowser({ 'x-forwarded-for': `after-${email}` });
    expect(await signIn(email, PASSWORD)).toMatchObject({ ok: false, formError: 'That e-mail address and password do not match an account.' });
    expect(await redirectOf(signIn(email, NEW_PASSWORD))).toBe('http://localhost:3000/account');
    // Used once: the same link again is refused, and the password stays.
    expect(await reset(token, 'yet another passphrase')).toEqual({ ok: false, formError: SPENT });
  });

  it('lets in an owner whom wrong passwords had locked out', async () => {
    const { email } = await accounts.account('Dee', PASSWORD);
    for (let n = 0; n <= THROTTLE.pairAttempts; n += 1) await signIn(email, `wrong guess ${n}`);
    expect(await signIn(email, PASSWORD)).toMatchObject({ ok: false, formError: expect.stringContaining('Too many sign-in attempts') });
    expect(await redirectOf(reset(await linkFor(email)))).toBe('/login?reset=1');
    expect(await getDb().select().from(signInThrottle).where(or(like(signInThrottle.key, `pair:%${email.split('@')[0]}%`), like(signInThrottle.key, `account:%${email.split('@')[0]}%`)))).toEqual([]);
    expect(await redirectOf(signIn(email, NEW_PASSWORD))).toBe('http://localhost:3000/account');
  });

  it('refuses an expired link, and a garbage or unknown one, with one clear message', async () => {
    const { email } = await accounts.account('Eve', PASSWORD);
    const token = await linkFor(email);
    await getDb().update(accountTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(accountTokens.tokenHash, hashAccountToken(token)));
    expect(await reset(token)).toEqual({ ok: false, formError: SPENT });
    expect(await reset('garbage')).toEqual({ ok: false, formError: SPENT });
    expect(await reset('x'.repeat(43))).toEqual({ ok: false, formError: SPENT });
    expect(await reset('')).toEqual({ ok: false, formError: SPENT });
    expect(await redirectOf(signIn(email, PASSWORD))).toBe('http://localhost:3000/account');
  });

  it('applies the registration rules to the new password and keeps the link usable', async () => {
    const { email } = await accounts.account('Fay', PASSWORD);
    const token = await linkFor(email);
    expect(await reset(token, 'short')).toMatchObject({ ok: false, fieldErrors: { password: ['Use at least 10 characters.'] } });
    expect(await reset(token, NEW_PASSWORD, 'something else')).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ['The passwords do not match.'] } });
    expect(await redirectOf(reset(token))).toBe('/login?reset=1');
  });

  it('does not spend a reset link as another kind of link', async () => {
    const { email, id } = await accounts.account('Gus', PASSWORD);
    const token = await linkFor(email);
    await getDb().update(accountTokens).set({ kind: 'verify_email' }).where(eq(accountTokens.tokenHash, hashAccountToken(token)));
    expect(await reset(token)).toEqual({ ok: false, formError: SPENT });
    expect((await getDb().select({ id: users.id }).from(users).where(eq(users.id, id))).length).toBe(1);
  });
});
