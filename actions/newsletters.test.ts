import { randomBytes } from 'node:crypto';

import { eq, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { mailMessages, newsletterSubscriptions, signInThrottle, users } from '@/db/schema';
import { SUBSCRIBE_THROTTLE } from '@/data/newsletter-subscriptions';
import { confirmToken, unsubscribeToken } from '@/lib/mail/list-tokens';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { signInAs } from '@/test/stubs/auth';
import { newBrowser } from '@/test/stubs/next-headers';

import { confirmSubscriptionAction, subscribeAction, unsubscribeAction, updateNotificationsAction, updateOwnNewslettersAction } from './newsletters';

vi.mock('@/auth', () => import('@/test/stubs/auth'));
vi.mock('next/headers', () => import('@/test/stubs/next-headers'));

const factory = setUpActionTests();
const run = randomBytes(4).toString('hex');
let browsers = 0;
beforeEach(() => {
  browsers += 1;
  newBrowser({ 'x-forwarded-for': `letters-${run}-${browsers}` });
});
afterEach(async () => {
  await getDb().delete(newsletterSubscriptions).where(like(newsletterSubscriptions.email, `%${run}%`));
  await getDb().delete(mailMessages).where(like(mailMessages.toAddress, `%${run}%`));
  await getDb().delete(signInThrottle).where(like(signInThrottle.key, `%${run}%`));
});

const address = (name: string) => `${name}-${run}@example.test`;

describe('subscribing', () => {
  it('answers the same for a new and an already subscribed address, and sends a confirmation either way', async () => {
    const known = address('known');
    await getDb().insert(newsletterSubscriptions).values({ email: known, list: 'daily', confirmedAt: new Date() });
    const fresh = await redirectOf(subscribeAction({ ok: false }, formOf({ email: address('fresh'), lists: 'daily' })));
    const again = await redirectOf(subscribeAction({ ok: false }, formOf({ email: known, lists: 'daily' })));
    expect(fresh).toBe('/newsletters?sent=1');
    expect(again).toBe(fresh);
    expect(await getDb().select().from(mailMessages).where(eq(mailMessages.toAddress, known))).toHaveLength(1);
  });

  it('refuses a bad address, no list, an unknown list, and too many requests from one client', async () => {
    expect(await subscribeAction({ ok: false }, formOf({ email: 'not-an-address', lists: 'daily' }))).toMatchObject({ ok: false, fieldErrors: { email: ['Enter a valid e-mail address.'] } });
    expect(await subscribeAction({ ok: false }, formOf({ email: address('none') }))).toMatchObject({ ok: false, fieldErrors: { lists: ['Choose at least one newsletter.'] } });
    expect(await subscribeAction({ ok: false }, formOf({ email: address('odd'), lists: 'weekly' }))).toMatchObject({ ok: false, fieldErrors: { lists: [expect.any(String)] } });
    expect(await subscribeAction({ ok: false }, formOf({ email: address('gone'), lists: 'section:no-such-section' }))).toMatchObject({ ok: false, fieldErrors: { lists: ['Choose from the newsletters listed.'] } });
    for (let i = 0; i < SUBSCRIBE_THROTTLE.clientRequests; i += 1) expect(await redirectOf(subscribeAction({ ok: false }, formOf({ email: address(`many${i}`), lists: 'daily' })))).toBe('/newsletters?sent=1');
    const refused = await subscribeAction({ ok: false }, formOf({ email: address('late'), lists: 'daily' }));
    expect(refused).toMatchObject({ ok: false, formError: expect.stringMatching(/^Too many requests from your connection\. Please try again in \d+ minutes\.$/), values: { email: address('late') } });
  });
});

describe('confirming and unsubscribing by link', () => {
  it('confirm with a valid token; a tampered or expired one changes nothing', async () => {
    const email = address('confirm');
    const token = confirmToken(email, ['daily'], new Date());
    expect(await redirectOf(confirmSubscriptionAction(formOf({ t: `${token}x` })))).toBe('/newsletters/confirm?status=invalid');
    expect(await redirectOf(confirmSubscriptionAction(formOf({ t: confirmToken(email, ['daily'], new Date(Date.now() - 8 * 86_400_000)) })))).toBe('/newsletters/confirm?status=invalid');
    expect(await getDb().select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, email))).toHaveLength(0);
    expect(await redirectOf(confirmSubscriptionAction(formOf({ t: token })))).toBe('/newsletters/confirm?status=confirmed');
    const [row] = await getDb().select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, email));
    expect(row!.confirmedAt).not.toBeNull();
  });

  it('unsubscribe with a valid token; garbage is refused', async () => {
    const email = address('leave');
    await getDb().insert(newsletterSubscriptions).values({ email, list: 'daily', confirmedAt: new Date() });
    expect(await redirectOf(unsubscribeAction(formOf({ t: 'garbage' })))).toBe('/unsubscribe?status=invalid');
    expect(await redirectOf(unsubscribeAction(formOf({ t: unsubscribeToken(email, 'daily') })))).toBe('/unsubscribe?status=done&list=daily');
    const [row] = await getDb().select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, email));
    expect(row!.unsubscribedAt).not.toBeNull();
  });
});

describe('a reader’s own settings', () => {
  it('are refused to anonymous visitors (sent to sign in)', async () => {
    signInAs(null);
    expect(await redirectOf(updateNotificationsAction({ ok: false }, formOf({ replies: 'on' })))).toBe('/login?callbackUrl=%2Faccount');
    expect(await redirectOf(updateOwnNewslettersAction({ ok: false }, formOf({ lists: 'daily' })))).toBe('/login?callbackUrl=%2Faccount');
  });

  it('switch notices on and off, and ask to confirm new newsletters', async () => {
    const reader = await factory.user('reader');
    signInAs(reader);
    expect(await redirectOf(updateNotificationsAction({ ok: false }, formOf({ moderation: 'on' })))).toBe('/account?saved=notifications#notifications-title');
    const [row] = await getDb().select().from(users).where(eq(users.id, reader.id));
    expect(row).toMatchObject({ notifyReplies: false, notifyModeration: true });
    expect(await redirectOf(updateOwnNewslettersAction({ ok: false }, formOf({ lists: 'daily' })))).toBe('/account?saved=newsletters-to-confirm#own-newsletters-title');
    expect(await updateOwnNewslettersAction({ ok: false }, formOf({ lists: 'nonsense' }))).toMatchObject({ ok: false });
    await getDb().delete(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, row!.email));
    await getDb().delete(mailMessages).where(eq(mailMessages.toAddress, row!.email));
  });
});
