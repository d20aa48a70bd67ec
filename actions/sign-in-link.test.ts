import { eq, like } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { handlers } from '@/auth';
import { getDb } from '@/db/client';
import { users, verificationTokens } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { formOf, setUpSignInTests } from '@/test/action-helpers';
import { mailTo, newestMailTo } from '@/test/mailbox';
import { cookieJar } from '@/test/stubs/next-headers';

import { updateProfileAction } from './account';
import { emailSignInLinkAction } from './auth';

// The real Auth.js runs (its e-mail provider and the Drizzle adapter's verification tokens), in a stand-in request.
vi.mock('next/headers', () => import('@/test/stubs/next-headers'));

const accounts = setUpSignInTests();
const SESSION_COOKIE = 'authjs.session-token';

const askForLink = (email: string, callbackUrl = '/account') => emailSignInLinkAction({ ok: false }, formOf({ email, callbackUrl }));

/** Follows a link as a browser would (GET on Auth.js's route); the answer's redirect and its session cookie. */
async function follow(url: string): Promise<{ location: string; session: string | undefined }> {
  const response = await handlers.GET(new NextRequest(url));
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  return { location: response.headers.get('location') ?? '', session: session?.split(';')[0]!.slice(SESSION_COOKIE.length + 1) };
}

function linkIn(text: string): string {
  const url = /http:\/\/localhost:3000\/api\/auth\/callback\/email\?\S+/.exec(text)?.[0];
  expect(url, 'a sign-in link').toBeDefined();
  return url!;
}

describe('without SMTP_URL', () => {
  it('is not offered: the action refuses and queues nothing', async () => {
    const { email } = await accounts.account('Nil', 'a long enough password');
    expect(await askForLink(email)).toEqual({ ok: false, formError: 'Signing in by e-mail link is not available on this site.', values: { email } });
    expect(await mailTo(email)).toEqual([]);
  });
});

describe('with SMTP_URL: emailSignInLinkAction and the link', () => {
  beforeAll(() => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:2525';
    resetEnvForTests();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetEnvForTests();
    await getDb().delete(verificationTokens).where(like(verificationTokens.identifier, '%@example.test'));
  });

  it('queues a link (its token stored only hashed) that signs in once and goes to the callback', async () => {
    const { email, id } = await accounts.account('Ada', 'a long enough password');
    expect(await askForLink(email.toUpperCase())).toEqual({ ok: true, values: { email } });
    const mail = await newestMailTo(email);
    expect(mail).toMatchObject({ kind: 'account', subject: 'Sign in to The Daily Ledger' });
    const url = linkIn(mail.text);
    expect(mail.html).toContain(url.replaceAll('&', '&amp;'));
    const token = new URL(url).searchParams.get('token')!;
    const stored = await getDb().select({ token: verificationTokens.token }).from(verificationTokens).where(eq(verificationTokens.identifier, email));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token).not.toBe(token);

    const first = await follow(url);
    expect(first.location).toBe('http://localhost:3000/account');
    expect(first.session).toBeTruthy();
    cookieJar.set(SESSION_COOKIE, first.session!);
    expect(await updateProfileAction({ ok: false }, formOf({ name: 'Ada by link' }))).toMatchObject({ ok: true });
    expect((await getDb().select({ name: users.name, verified: users.emailVerified }).from(users).where(eq(users.id, id)))[0]).toEqual({ name: 'Ada by link', verified: expect.any(Date) });

    const again = await follow(url);
    expect(again.location).toBe('http://localhost:3000/login?error=Verification');
    expect(again.session).toBeUndefined();
  });

  it('answers the same for an address without an account, queues nothing and creates no account', async () => {
    const email = accounts.email('nobody');
    expect(await askForLink(email)).toEqual({ ok: true, values: { email } });
    expect(await mailTo(email)).toEqual([]);
    expect(await getDb().select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it('refuses an expired, tampered or garbage link with the sign-in page’s message, signing nobody in', async () => {
    const { email } = await accounts.account('Bo', 'a long enough password');
    await askForLink(email);
    const url = new URL(linkIn((await newestMailTo(email)).text));
    const tampered = new URL(url);
    tampered.searchParams.set('token', `${url.searchParams.get('token')}x`);
    expect(await follow(tampered.toString())).toEqual({ location: 'http://localhost:3000/login?error=Verification', session: undefined });
    const garbage = new URL(url);
    garbage.searchParams.set('token', '<script>');
    expect(await follow(garbage.toString())).toEqual({ location: 'http://localhost:3000/login?error=Verification', session: undefined });
    await getDb().update(verificationTokens).set({ expires: new Date(Date.now() - 1000) }).where(eq(verificationTokens.identifier, email));
    expect(await follow(url.toString())).toEqual({ location: 'http://localhost:3000/login?error=Verification', session: undefined });
  });

  it('signs in no disabled account', async () => {
    const { email } = await accounts.account('Cy', 'a long enough password');
    await askForLink(email);
    const url = linkIn((await newestMailTo(email)).text);
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.email, email));
    const answer = await follow(url);
    expect(answer.session).toBeUndefined();
    expect(answer.location).toMatch(/^http:\/\/localhost:3000\/login\?error=/);
  });

  it('is limited per address', async () => {
    const { email } = await accounts.account('Dee', 'a long enough password');
    for (let n = 0; n < 3; n += 1) expect(await askForLink(email)).toMatchObject({ ok: true });
    expect(await askForLink(email)).toMatchObject({ ok: false, formError: 'Too many sign-in links were asked for. Please wait 15 minutes and try again.' });
  });
});
