import 'server-only';

import { randomUUID } from 'node:crypto';

import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { newsletterSubscriptions, pendingNotifications, sections, users } from '@/db/schema';
import { env } from '@/lib/env';
import { InvalidInputError, NewsletterThrottledError } from '@/lib/errors';
import { composeMail } from '@/lib/mail/compose';
import { confirmToken, listLabel, type MailingList } from '@/lib/mail/list-tokens';

import { queueMail } from './mail-outbox';
import { takeAttempt } from './throttles';

export type NewsletterList = 'daily' | `section:${string}`;

/**
 * Subscription requests per client and per address in a window. Past the client's limit the form says to wait; past
 * the address's limit nothing more is sent (so nobody can flood an inbox) but the answer stays the same.
 */
export const SUBSCRIBE_THROTTLE = { clientRequests: 10, addressRequests: 3, windowMinutes: 60 } as const;

/** The lists a reader can choose: the daily briefing, then every section's digest in navigation order. */
export async function listNewsletterChoices(): Promise<{ list: NewsletterList; label: string }[]> {
  const rows = await getDb().select({ name: sections.name, slug: sections.slug }).from(sections).orderBy(asc(sections.position), asc(sections.name));
  return [{ list: 'daily', label: 'The daily briefing' }, ...rows.map((row) => ({ list: `section:${row.slug}` as const, label: `${row.name} digest` }))];
}

/** Section names by slug, for naming lists in pages and messages. */
export async function sectionNames(): Promise<Map<string, string>> {
  const rows = await getDb().select({ name: sections.name, slug: sections.slug }).from(sections);
  return new Map(rows.map((row) => [row.slug, row.name]));
}

/** Counts one request against `key` (the site's throttle, data/throttles.ts, under the newsletter key prefix). */
async function takeRequest(key: string, limit: number): Promise<{ allowed: boolean; retryAfterMinutes: number }> {
  const taken = await takeAttempt(key, { attempts: limit, windowMinutes: SUBSCRIBE_THROTTLE.windowMinutes });
  return { allowed: taken.allowed, retryAfterMinutes: Math.max(1, Math.ceil(taken.retryAfterSeconds / 60)) };
}

async function assertSectionLists(lists: readonly NewsletterList[]): Promise<void> {
  const slugs = lists.filter((list) => list !== 'daily').map((list) => list.slice('section:'.length));
  if (slugs.length === 0) return;
  const found = await getDb().select({ slug: sections.slug }).from(sections).where(inArray(sections.slug, slugs));
  if (found.length !== new Set(slugs).size) throw new InvalidInputError('lists', 'Choose from the newsletters listed.');
}

/**
 * Anyone: asks for `lists` for `email` (double opt-in). Rows are kept unconfirmed and a confirmation message with a
 * signed link is queued; the subscription counts only once confirmed. The same outcome whether or not the address was
 * subscribed already (a confirmed subscription stays as it is). Throws NewsletterThrottledError past the client's
 * limit, InvalidInputError for a section that does not exist.
 */
export async function requestSubscription(input: { email: string; lists: NewsletterList[]; client: string; userId?: string | null; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const email = input.email.toLowerCase();
  await assertSectionLists(input.lists);
  const client = await takeRequest(`newsletter:client:${input.client}`, SUBSCRIBE_THROTTLE.clientRequests);
  if (!client.allowed) throw new NewsletterThrottledError(client.retryAfterMinutes);
  const address = await takeRequest(`newsletter:address:${email}`, SUBSCRIBE_THROTTLE.addressRequests);
  if (!address.allowed) return;

  const { SITE_NAME, SITE_URL } = env();
  const names = await sectionNames();
  const link = new URL(`/newsletters/confirm?t=${encodeURIComponent(confirmToken(email, input.lists, now))}`, SITE_URL).toString();
  const body = composeMail({
    siteName: SITE_NAME,
    heading: 'Confirm your subscription',
    blocks: [
      { paragraph: `Someone, probably you, asked to receive ${input.lists.map((list) => listLabel(list, names)).join(', ')} from ${SITE_NAME} at this address.` },
      { link: { label: 'Confirm my subscription', url: link } },
      { paragraph: 'The link works for seven days. If you did not ask for this, ignore this message: nothing will be sent.' },
    ],
  });
  await getDb().transaction(async (tx) => {
    await tx
      .insert(newsletterSubscriptions)
      .values(input.lists.map((list) => ({ email, list, userId: input.userId ?? null })))
      .onConflictDoNothing({ target: [newsletterSubscriptions.email, newsletterSubscriptions.list] });
    await queueMail({ key: `newsletter-confirm:${randomUUID()}`, kind: 'account', to: email, subject: `Confirm your subscription to ${SITE_NAME}`, ...body }, tx);
  });
}

/**
 * Anyone holding a valid confirmation link (lib/mail/list-tokens.ts checked it): the address's subscriptions to
 * `lists` count from now on, also after an earlier unsubscribe. Confirming twice changes nothing.
 */
export async function confirmSubscriptions(email: string, lists: readonly NewsletterList[], now: Date = new Date()): Promise<void> {
  await getDb()
    .insert(newsletterSubscriptions)
    .values(lists.map((list) => ({ email: email.toLowerCase(), list, confirmedAt: now })))
    .onConflictDoUpdate({
      target: [newsletterSubscriptions.email, newsletterSubscriptions.list],
      set: {
        confirmedAt: sql`case when ${newsletterSubscriptions.unsubscribedAt} is null and ${newsletterSubscriptions.confirmedAt} is not null then ${newsletterSubscriptions.confirmedAt} else excluded.confirmed_at end`,
        unsubscribedAt: null,
      },
    });
}

/**
 * Anyone holding a valid unsubscribe link (signed for this address and list): stops that list for the address.
 * Reply and moderation notices are account switches; newsletters are subscriptions. Doing it twice changes nothing.
 */
export async function unsubscribe(email: string, list: MailingList, now: Date = new Date()): Promise<void> {
  const address = email.toLowerCase();
  if (list === 'replies' || list === 'moderation') {
    await getDb().transaction(async (tx) => {
      const changed = await tx
        .update(users)
        .set(list === 'replies' ? { notifyReplies: false } : { notifyModeration: false })
        .where(eq(users.email, address))
        .returning({ id: users.id });
      const kinds = list === 'replies' ? ['reply'] : ['approved', 'rejected'];
      if (changed[0]) await tx.delete(pendingNotifications).where(and(eq(pendingNotifications.userId, changed[0].id), inArray(pendingNotifications.kind, kinds)));
    });
    return;
  }
  await getDb()
    .update(newsletterSubscriptions)
    .set({ unsubscribedAt: now })
    .where(and(eq(newsletterSubscriptions.email, address), eq(newsletterSubscriptions.list, list), isNull(newsletterSubscriptions.unsubscribedAt)));
}

export type SubscriptionState = { list: NewsletterList; state: 'subscribed' | 'waiting' };

/** The signed-in reader's own subscriptions, at their account's address (their id from the session). */
export async function listOwnSubscriptions(userId: string): Promise<SubscriptionState[]> {
  const rows = await getDb()
    .select({ list: newsletterSubscriptions.list, confirmedAt: newsletterSubscriptions.confirmedAt })
    .from(newsletterSubscriptions)
    .innerJoin(users, eq(users.email, newsletterSubscriptions.email))
    .where(and(eq(users.id, userId), isNull(newsletterSubscriptions.unsubscribedAt)));
  return rows.map((row) => ({ list: row.list as NewsletterList, state: row.confirmedAt ? 'subscribed' : 'waiting' }));
}

/**
 * The signed-in reader only: their account's address gets exactly `lists`. New lists go through the same double
 * opt-in as anyone's (confirmation message, client throttle); lists left out are unsubscribed at once.
 */
export async function updateOwnSubscriptions(userId: string, lists: NewsletterList[], client: string): Promise<{ requested: NewsletterList[] }> {
  const [user] = await getDb().select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return { requested: [] };
  const current = await listOwnSubscriptions(userId);
  const now = new Date();
  for (const entry of current) if (!lists.includes(entry.list)) await unsubscribe(user.email, entry.list, now);
  const requested = lists.filter((list) => !current.some((entry) => entry.list === list && entry.state === 'subscribed'));
  if (requested.length > 0) await requestSubscription({ email: user.email, lists: requested, client, userId, now });
  return { requested };
}
