import { randomBytes } from 'node:crypto';

import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

import { NextRequest } from 'next/server';

import { handlers } from '@/auth';
import { createAccount } from '@/data/accounts';
import { THROTTLE } from '@/data/throttles';
import { getViewer, getViewerForRequest } from '@/data/viewer';
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
/** The sign-in form's refusal of a locked account-and-client pair, with the real wait. */
/** Registration's answer, the same for a new address and a known one: check your inbox. */
const CHECK_INBOX = '/register?sent=1&callbackUrl=%2F';
const throttled = (wait: string) => `Too many sign-in attempts for this account from your network. Please try again in ${wait}, or reset your password by e-mail.`;

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

  it(`is throttled after ${THROTTLE.pairAttempts} failed attempts on an account from this client, even with the right password`, async () => {
    const { email } = await accounts.account('Cy', PASSWORD);
    for (let attempt = 0; attempt < THROTTLE.pairAttempts; attempt += 1) {
      expect(await signIn(email, `wrong guess ${attempt}`)).toMatchObject({ ok: false, formError: NO_MATCH });
    }
    // The pair may try again once its window (15 minutes from the first attempt) is over, and the form says so.
    expect(await signIn(email, PASSWORD)).toEqual({ ok: false, formError: throttled('about 15 minutes'), values: { email } });
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
  });

  it('never locks the owner out: 50 failures from one client throttle that client, and the owner signs in from theirs at once', async () => {
    const { email } = await accounts.account('Liv', PASSWORD);
    const answers = [];
    for (let attempt = 0; attempt < 50; attempt += 1) answers.push(await signIn(email, `wrong guess ${attempt}`));
    // However many attempts, the wait told is the real one: never more than the pair's 15-minute lock.
    expect(answers.at(-1)).toEqual({ ok: false, formError: throttled('about 15 minutes'), values: { email } });
    expect(await signIn(email, PASSWORD)).toEqual({ ok: false, formError: throttled('about 15 minutes'), values: { email } });

    accounts.anotherBrowser();
    const started = performance.now();
    expect(await redirectOf(signIn(email, PASSWORD))).toBe('http://localhost:3000/');
    expect(performance.now() - started).toBeLessThan(THROTTLE.accountMaxDelayMs + 3_000);
    expect(cookieJar.has(SESSION_COOKIE)).toBe(true);
  }, 60_000);
});

/** A request to the site carrying this session cookie. */
function requestWith(cookie: string, path: string): NextRequest {
  return new NextRequest(`http://localhost:3000${path}`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
}

describe('/api/auth/session', () => {
  it('answers a live session with the user and a refreshed cookie', async () => {
    const { email } = await accounts.account('Jo', PASSWORD);
    await redirectOf(signIn(email, PASSWORD));
    const response = await handlers.GET(requestWith(cookieJar.get(SESSION_COOKIE)!, '/api/auth/session'));
    expect(await response.json()).toMatchObject({ user: { name: 'Jo', email } });
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${SESSION_COOKIE}=ey`))).toBe(true);
  });

  it('answers a signed-out token with no user, and clears the cookie instead of issuing it again', async () => {
    const { email } = await accounts.account('Kit', PASSWORD);
    await redirectOf(signIn(email, PASSWORD));
    const copied = cookieJar.get(SESSION_COOKIE)!;
    await redirectOf(signOutAction(formOf({})));
    const response = await handlers.GET(requestWith(copied, '/api/auth/session'));
    expect(response.status).toBe(200);
    expect(await response.json()).toBeNull();
    const setCookies = response.headers.getSetCookie().filter((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
    expect(setCookies.length).toBeGreaterThan(0);
    for (const cookie of setCookies) expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
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

describe('registerAction and the names of the newsroom', () => {
  const register = (name: string, email: string) => registerAction({ ok: false }, formOf({ callbackUrl: '/', name, email, password: PASSWORD, confirmPassword: PASSWORD }));
  const TAKEN = 'That name belongs to the newsroom or one of its staff. Choose a name of your own.';

  it("refuses a current staff member's name, however disguised, and the reserved names; creates no account", async () => {
    const staffName = `Otto Vance ${randomBytes(3).toString('hex')}`;
    await createAccount({ name: staffName, email: accounts.email('otto'), password: PASSWORD, role: 'contributor' });
    const email = accounts.email('impostor');
    for (const name of [staffName, `otto.vance.${staffName.slice(11)}`, 'Demo Admin', 'Dеmо Аdmin', 'administrator', 'Editor']) {
      // A browser each, so the per-client registration limit does not answer first.
      accounts.anotherBrowser();
      expect(await register(name, email)).toEqual({ ok: false, fieldErrors: { name: [TAKEN] }, values: { name, email } });
    }
    expect(await getDb().select().from(users).where(eq(users.email, email))).toEqual([]);
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
  });

  it('lets a reader take the name of a disabled former staff member, or another reader\'s', async () => {
    const formerName = `Pia Lund ${randomBytes(3).toString('hex')}`;
    const former = await createAccount({ name: formerName, email: accounts.email('pia'), password: PASSWORD, role: 'editor' });
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, former.id));
    expect(await redirectOf(register(formerName, accounts.email('pia2')))).toBe(CHECK_INBOX);
    expect(await getDb().select({ name: users.name }).from(users).where(eq(users.email, accounts.email('pia2')))).toEqual([{ name: formerName }]);
  });
});

describe('registerAction, many times from one client', () => {
  const register = (name: string) => {
    const email = accounts.email(name.toLowerCase().replace(' ', '-'));
    return registerAction({ ok: false }, formOf({ callbackUrl: '/', name, email, password: PASSWORD, confirmPassword: PASSWORD }));
  };

  it('creates at most 5 accounts per hour from one client, then says so on the form; another client still may', async () => {
    const names = ['Reg One', 'Reg Two', 'Reg Three', 'Reg Four', 'Reg Five'];
    for (const name of names) {
      expect(await redirectOf(register(name))).toBe(CHECK_INBOX);
    }
    const refused = await register('Reg Six');
    expect(refused).toMatchObject({ ok: false, values: { name: 'Reg Six', email: accounts.email('reg-six') } });
    expect((refused as { formError?: string }).formError).toMatch(/^Too many new accounts from your network\. Please try again in (about )?\d+ minutes?\.$/);
    expect(await getDb().select().from(users).where(eq(users.email, accounts.email('reg-six')))).toEqual([]);

    accounts.anotherBrowser();
    expect(await redirectOf(register('Reg Seven'))).toBe(CHECK_INBOX);
  }, 60_000);
});

describe('signOutAction', () => {
  it('ends this session and goes to the front page', async () => {
    const { email } = await accounts.account('Gus', PASSWORD);
    await redirectOf(signIn(email, PASSWORD));
    expect(cookieJar.has(SESSION_COOKIE)).toBe(true);
    expect(await redirectOf(signOutAction(formOf({})))).toBe('http://localhost:3000/');
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
  });

  it('ends the session on the server: a copy of the cookie taken before signing out no longer signs anyone in', async () => {
    const { email } = await accounts.account('Hal', PASSWORD);
    await redirectOf(signIn(email, PASSWORD));
    const copied = cookieJar.get(SESSION_COOKIE)!;
    expect(await getViewer()).toMatchObject({ name: 'Hal' });
    expect(await getViewerForRequest(requestWith(copied, '/'))).toMatchObject({ name: 'Hal' });

    await redirectOf(signOutAction(formOf({})));
    cookieJar.set(SESSION_COOKIE, copied);
    expect(await getViewer()).toBeNull();
    expect(await getViewerForRequest(requestWith(copied, '/'))).toBeNull();
  });

  it('leaves the other sessions of the account signed in', async () => {
    const { email } = await accounts.account('Ida', PASSWORD);
    await redirectOf(signIn(email, PASSWORD));
    const otherDevice = cookieJar.get(SESSION_COOKIE)!;
    await redirectOf(signIn(email, PASSWORD));
    await redirectOf(signOutAction(formOf({})));
    cookieJar.set(SESSION_COOKIE, otherDevice);
    expect(await getViewer()).toMatchObject({ name: 'Ida' });
  });
});
