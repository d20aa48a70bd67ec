import { randomBytes } from 'node:crypto';

import { and, eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { mailMessages, newsletterSubscriptions, signInThrottle, users } from '@/db/schema';
import { NewsletterThrottledError } from '@/lib/errors';
import { readConfirmToken } from '@/lib/mail/list-tokens';
import { createFactory } from '@/test/factories';

import { confirmSubscriptions, requestSubscription, SUBSCRIBE_THROTTLE, unsubscribe, updateOwnSubscriptions, listOwnSubscriptions } from './newsletter-subscriptions';

const run = randomBytes(4).toString('hex');
const factory = createFactory();
let n = 0;
const address = () => `sub-${run}-${(n += 1)}@example.test`;
const client = () => `client-${run}-${n}`;

afterEach(async () => {
  await factory.cleanUp();
  await getDb().delete(newsletterSubscriptions).where(like(newsletterSubscriptions.email, `%${run}%`));
  await getDb().delete(mailMessages).where(like(mailMessages.toAddress, `%${run}%`));
  await getDb().delete(signInThrottle).where(like(signInThrottle.key, `%${run}%`));
});

const rowsOf = (email: string) => getDb().select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, email));
const mailTo = (email: string) => getDb().select().from(mailMessages).where(eq(mailMessages.toAddress, email));

function confirmLinkOf(text: string): string {
  const match = /http:\/\/localhost:3000\/newsletters\/confirm\?t=(\S+)/.exec(text);
  expect(match).not.toBeNull();
  return decodeURIComponent(match![1]!);
}

describe('double opt-in', () => {
  it('keeps a request unconfirmed and mails a signed link; the subscription counts once confirmed', async () => {
    const email = address();
    const section = await factory.section('World');
    await requestSubscription({ email: email.toUpperCase(), lists: ['daily', `section:${section.slug}`], client: client() });
    const rows = await rowsOf(email);
    expect(rows.map((row) => row.list).sort()).toEqual(['daily', `section:${section.slug}`].sort());
    expect(rows.every((row) => row.confirmedAt === null)).toBe(true);
    const [message] = await mailTo(email);
    expect(message!.textBody).toContain('the daily briefing, the World digest');
    const token = readConfirmToken(confirmLinkOf(message!.textBody), new Date());
    expect(token).toEqual({ email, lists: ['daily', `section:${section.slug}`] });
    await confirmSubscriptions(token!.email, token!.lists as ['daily']);
    expect((await rowsOf(email)).every((row) => row.confirmedAt !== null)).toBe(true);
  });

  it('answers the same for an address already subscribed, and keeps its confirmation as it was', async () => {
    const email = address();
    const confirmedAt = new Date('2026-01-01T00:00:00Z');
    await confirmSubscriptions(email, ['daily'], confirmedAt);
    await expect(requestSubscription({ email, lists: ['daily'], client: client() })).resolves.toBeUndefined();
    const [row] = await rowsOf(email);
    expect(row!.confirmedAt?.getTime()).toBe(confirmedAt.getTime());
    await confirmSubscriptions(email, ['daily']);
    expect((await rowsOf(email))[0]!.confirmedAt?.getTime()).toBe(confirmedAt.getTime());
  });

  it('refuses a section that does not exist', async () => {
    await expect(requestSubscription({ email: address(), lists: ['section:no-such-section'], client: client() })).rejects.toMatchObject({ field: 'lists' });
  });

  it('limits requests per client (with the real wait) and silently per address', async () => {
    const who = client();
    for (let i = 0; i < SUBSCRIBE_THROTTLE.clientRequests; i += 1) await requestSubscription({ email: address(), lists: ['daily'], client: who });
    const refused = await requestSubscription({ email: address(), lists: ['daily'], client: who }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NewsletterThrottledError);
    expect((refused as NewsletterThrottledError).retryAfterMinutes).toBeGreaterThan(50);

    const email = address();
    for (let i = 0; i < SUBSCRIBE_THROTTLE.addressRequests + 2; i += 1) await requestSubscription({ email, lists: ['daily'], client: `${client()}-${i}` });
    expect(await mailTo(email)).toHaveLength(SUBSCRIBE_THROTTLE.addressRequests);
  });
});

describe('unsubscribing', () => {
  it('stops a newsletter, and confirming again brings it back', async () => {
    const email = address();
    await confirmSubscriptions(email, ['daily']);
    await unsubscribe(email, 'daily');
    await unsubscribe(email, 'daily');
    expect((await rowsOf(email))[0]!.unsubscribedAt).not.toBeNull();
    await confirmSubscriptions(email, ['daily']);
    expect((await rowsOf(email))[0]).toMatchObject({ unsubscribedAt: null });
  });

  it('switches reply and moderation notices off on the account with that address', async () => {
    const reader = await factory.user('reader');
    const [account] = await getDb().update(users).set({ notifyModeration: true }).where(eq(users.id, reader.id)).returning();
    await unsubscribe(account!.email, 'replies');
    const [afterReplies] = await getDb().select().from(users).where(eq(users.id, reader.id));
    expect(afterReplies).toMatchObject({ notifyReplies: false, notifyModeration: true });
    await unsubscribe(account!.email, 'moderation');
    const [afterBoth] = await getDb().select().from(users).where(eq(users.id, reader.id));
    expect(afterBoth).toMatchObject({ notifyReplies: false, notifyModeration: false });
  });
});

describe('a signed-in reader’s own newsletters', () => {
  it('asks to confirm new lists and unsubscribes the ones left out', async () => {
    const reader = await factory.user('reader');
    const [account] = await getDb().select().from(users).where(eq(users.id, reader.id));
    await confirmSubscriptions(account!.email, ['daily']);
    const section = await factory.section('Sport');
    const { requested } = await updateOwnSubscriptions(reader.id, [`section:${section.slug}`], client());
    expect(requested).toEqual([`section:${section.slug}`]);
    expect(await listOwnSubscriptions(reader.id)).toEqual([{ list: `section:${section.slug}`, state: 'waiting' }]);
    const [daily] = await getDb().select().from(newsletterSubscriptions).where(and(eq(newsletterSubscriptions.email, account!.email), eq(newsletterSubscriptions.list, 'daily')));
    expect(daily!.unsubscribedAt).not.toBeNull();
    await getDb().delete(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, account!.email));
    await getDb().delete(mailMessages).where(eq(mailMessages.toAddress, account!.email));
  });
});
