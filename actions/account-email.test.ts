import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

import { hashAccountToken } from '@/data/account-tokens';
import { getDb } from '@/db/client';
import { accountTokens, users } from '@/db/schema';
import { formOf, redirectOf, setUpSignInTests } from '@/test/action-helpers';
import { mailTo, newestMailTo, tokenOfLink } from '@/test/mailbox';
import { newBrowser } from '@/test/stubs/next-headers';

import { confirmEmailChangeAction, requestEmailChangeAction, resendVerificationAction, verifyEmailAction } from './account-email';
import { registerAction, signInAction } from './auth';

// The real Auth.js sign-in runs, in a stand-in request whose cookies the test can see.
vi.mock('next/headers', () => import('@/test/stubs/next-headers'));

const accounts = setUpSignInTests();
const PASSWORD = 'correct horse battery';
const VERIFY_FAILED = '/account/verify-email?failed=1';

const signIn = async (email: string, password = PASSWORD) => redirectOf(signInAction({ ok: false }, formOf({ email, password, callbackUrl: '/account' })));
const verify = (token: string) => verifyEmailAction(formOf({ token }));
const confirm = (token: string) => confirmEmailChangeAction(formOf({ token }));
const askToMove = (email: string, currentPassword = PASSWORD) => requestEmailChangeAction({ ok: false }, formOf({ email, currentPassword }));
const verifiedAt = async (email: string) => (await getDb().select({ at: users.emailVerified }).from(users).where(eq(users.email, email)))[0]?.at ?? null;
const expire = (token: string) => getDb().update(accountTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(accountTokens.tokenHash, hashAccountToken(token)));

/** A reader registered through the form (unverified); the token of their confirmation link. */
async function registered(name: string): Promise<{ email: string; token: string }> {
  const email = accounts.email(name);
  expect(await redirectOf(registerAction({ ok: false }, formOf({ name, email, password: PASSWORD, confirmPassword: PASSWORD, callbackUrl: '/' })))).toBe('/register?sent=1&callbackUrl=%2F');
  const mail = await newestMailTo(email);
  expect(mail.text).toContain('The link works once, for 48 hours.');
  return { email, token: tokenOfLink(mail, '/account/verify-email') };
}

describe('verifyEmailAction', () => {
  it('confirms the address once; the link is valid for 48 hours and works without signing in', async () => {
    const { email, token } = await registered('ada');
    const [row] = await getDb().select({ hours: sql<number>`round(extract(epoch from ${accountTokens.expiresAt} - now()) / 3600)::int` }).from(accountTokens).where(eq(accountTokens.tokenHash, hashAccountToken(token)));
    expect(row).toEqual({ hours: 48 });
    expect(await verifiedAt(email)).toBeNull();
    expect(await redirectOf(verify(token))).toBe('/account/verify-email?done=1');
    expect(await verifiedAt(email)).toBeInstanceOf(Date);
    expect(await redirectOf(verify(token))).toBe(VERIFY_FAILED);
  });

  it('refuses an expired, unknown or garbage link with the page’s message (a redirect, never a 500)', async () => {
    const { email, token } = await registered('bo');
    await expire(token);
    expect(await redirectOf(verify(token))).toBe(VERIFY_FAILED);
    expect(await redirectOf(verify('garbage'))).toBe(VERIFY_FAILED);
    expect(await redirectOf(verify('A'.repeat(43)))).toBe(VERIFY_FAILED);
    expect(await redirectOf(verifyEmailAction(formOf({})))).toBe(VERIFY_FAILED);
    expect(await verifiedAt(email)).toBeNull();
  });
});

describe('resendVerificationAction', () => {
  it('queues a new link for a signed-in reader whose address is unconfirmed; both links work until one is used', async () => {
    const { email } = await registered('cy');
    await signIn(email);
    expect(await redirectOf(resendVerificationAction(formOf({})))).toBe('/account?sent=verification');
    const messages = await mailTo(email);
    expect(messages.map((mail) => mail.subject)).toEqual(['Confirm your e-mail address', 'Confirm your e-mail address']);
    expect(await redirectOf(verify(tokenOfLink(messages[0]!, '/account/verify-email')))).toBe('/account/verify-email?done=1');
  });

  it('queues nothing for a confirmed address, and sends a visitor who is not signed in to sign in', async () => {
    const { email } = await accounts.account('Dee', PASSWORD);
    await signIn(email);
    expect(await redirectOf(resendVerificationAction(formOf({})))).toBe('/account?sent=verification');
    expect(await mailTo(email)).toEqual([]);
    newBrowser({ 'x-forwarded-for': 'resend-anonymous' });
    expect(await redirectOf(resendVerificationAction(formOf({})))).toBe('/login?callbackUrl=%2Faccount');
  });
});

describe('requestEmailChangeAction and confirmEmailChangeAction', () => {
  it('sends a link to the new address and a notice to the old; following it moves the account and confirms it', async () => {
    const { email, id } = await accounts.account('Eve', PASSWORD);
    await signIn(email);
    const newEmail = accounts.email('eve.new');
    expect(await askToMove(newEmail.toUpperCase())).toEqual({ ok: true, values: { email: newEmail } });
    const notice = await newestMailTo(email);
    expect(notice.subject).toBe('Your e-mail address is about to change');
    expect(notice.text).toContain(newEmail);
    const link = await newestMailTo(newEmail);
    expect(link.subject).toBe('Confirm your new e-mail address');
    const token = tokenOfLink(link, '/account/confirm-email');
    // Nothing changes until the link is followed.
    expect((await getDb().select({ email: users.email }).from(users).where(eq(users.id, id)))[0]!.email).toBe(email);

    expect(await redirectOf(confirm(token))).toBe('/account/confirm-email?done=1');
    expect(await getDb().select({ email: users.email, verified: users.emailVerified }).from(users).where(eq(users.id, id))).toEqual([{ email: newEmail, verified: expect.any(Date) }]);
    expect(await redirectOf(confirm(token))).toBe('/account/confirm-email?failed=spent');
    newBrowser({ 'x-forwarded-for': `moved-${id}` });
    expect(await signIn(newEmail)).toBe('http://localhost:3000/account');
  });

  it('refuses the wrong current password, and says nothing about an address another account uses (its owner is told)', async () => {
    const { email } = await accounts.account('Fay', PASSWORD);
    const other = await accounts.account('Gus', PASSWORD);
    await signIn(email);
    expect(await askToMove(accounts.email('fay.new'), 'not my password')).toEqual({ ok: false, fieldErrors: { currentPassword: ['That is not your current password.'] }, values: { email: accounts.email('fay.new') } });
    expect(await mailTo(accounts.email('fay.new'))).toEqual([]);
    expect(await askToMove(other.email)).toEqual({ ok: true, values: { email: other.email } });
    expect((await newestMailTo(other.email)).subject).toBe('Someone tried to use your address');
    expect(await mailTo(email)).toEqual([]);
    expect(await askToMove('nonsense')).toMatchObject({ ok: false, fieldErrors: { email: ['Enter a valid e-mail address.'] } });
  });

  it('refuses to confirm an address another account took meanwhile, and an expired or garbage link', async () => {
    const { email, id } = await accounts.account('Hal', PASSWORD);
    await signIn(email);
    const wanted = accounts.email('hal.new');
    await askToMove(wanted);
    const token = tokenOfLink(await newestMailTo(wanted), '/account/confirm-email');
    await accounts.account('hal.new', 'someone else entirely');
    expect(await redirectOf(confirm(token))).toBe('/account/confirm-email?failed=taken');
    expect((await getDb().select({ email: users.email }).from(users).where(eq(users.id, id)))[0]!.email).toBe(email);
    await expire(token);
    expect(await redirectOf(confirm(token))).toBe('/account/confirm-email?failed=spent');
    expect(await redirectOf(confirm('garbage'))).toBe('/account/confirm-email?failed=spent');
  });

  it('sends a visitor who is not signed in to sign in', async () => {
    await expect(redirectOf(askToMove(accounts.email('anyone')))).resolves.toBe('/login?callbackUrl=%2Faccount');
  });
});
