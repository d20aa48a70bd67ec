import { randomBytes } from 'node:crypto';

import { and, eq, like, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, mailMessages, newsletterIssues, newsletterSubscriptions } from '@/db/schema';
import { ForbiddenError, NewsletterIssueStateError } from '@/lib/errors';
import { readUnsubscribeToken } from '@/lib/mail/list-tokens';
import { createFactory, daysAgo } from '@/test/factories';

import {
  createNewsletterIssue,
  getNewsletterIssue,
  listNewsletterIssues,
  previewNewsletterIssue,
  queueDueNewsletterIssues,
  queueNewsletterIssue,
  scheduleNewsletterIssue,
  sendNewsletterIssueNow,
} from './newsletter-issues';
import { confirmSubscriptions, unsubscribe } from './newsletter-subscriptions';

const run = randomBytes(4).toString('hex');
const factory = createFactory();
const madeIssues: number[] = [];

afterEach(async () => {
  for (const id of madeIssues.splice(0)) {
    await getDb().delete(mailMessages).where(eq(mailMessages.newsletterIssueId, id));
    await getDb().delete(newsletterIssues).where(eq(newsletterIssues.id, id));
  }
  await getDb().delete(newsletterSubscriptions).where(like(newsletterSubscriptions.email, `%${run}%`));
  await factory.cleanUp();
});

async function issueFor(list: 'daily' | `section:${string}`, subject = 'Your briefing') {
  const editor = await factory.user('editor');
  const { id } = await createNewsletterIssue(editor, { list, subject, intro: 'Good morning.\n\nHere is the **news**.' });
  madeIssues.push(id);
  return { editor, id };
}

/** A section with a fresh story and an old one, and its list with three confirmed subscribers, one unconfirmed, one gone. */
async function sectionList() {
  const section = await factory.section('Science');
  await factory.article({ sectionId: section.id, headline: 'Comet seen over the city', dek: 'Look up tonight.', publishedAt: daysAgo(0.1) });
  await factory.article({ sectionId: section.id, headline: 'An older find', publishedAt: daysAgo(3) });
  const list = `section:${section.slug}` as const;
  const confirmed = [1, 2, 3].map((i) => `reader-${i}-${run}@example.test`);
  for (const email of confirmed) await confirmSubscriptions(email, [list]);
  await getDb().insert(newsletterSubscriptions).values({ email: `waiting-${run}@example.test`, list });
  await confirmSubscriptions(`gone-${run}@example.test`, [list]);
  await unsubscribe(`gone-${run}@example.test`, list);
  return { section, list, confirmed };
}

describe('newsletter issues', () => {
  it('are for editors only', async () => {
    const contributor = await factory.user('contributor');
    await expect(createNewsletterIssue(contributor, { list: 'daily', subject: 'x', intro: '' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listNewsletterIssues(null)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('preview as the reader will get it: the intro, the section’s latest stories, the unsubscribe link', async () => {
    const { list } = await sectionList();
    const { editor, id } = await issueFor(list, 'Science this week');
    const preview = await previewNewsletterIssue(editor, id);
    expect(preview!.storyCount).toBe(2);
    expect(preview!.text).toContain('Good morning.');
    expect(preview!.text).toMatch(/Comet seen over the city:\nhttp:\/\/localhost:3000\/s-\w+\/story-\w+/);
    expect(preview!.text).toContain('Look up tonight.');
    expect(preview!.html).toContain('Here is the **news**.');
    expect(preview!.text).toContain('Unsubscribe: http://localhost:3000/api/unsubscribe?t=');
  });

  it('queue one message per confirmed subscriber with its key and headers, once, and count them by status', async () => {
    const { list, confirmed } = await sectionList();
    const { editor, id } = await issueFor(list);
    expect(await sendNewsletterIssueNow(editor, id)).toEqual({ queued: 3 });
    const messages = await getDb().select().from(mailMessages).where(eq(mailMessages.newsletterIssueId, id));
    expect(messages.map((m) => m.toAddress).sort()).toEqual([...confirmed].sort());
    const [subscription] = await getDb().select().from(newsletterSubscriptions).where(and(eq(newsletterSubscriptions.email, confirmed[0]!), eq(newsletterSubscriptions.list, list)));
    const mine = messages.find((m) => m.toAddress === confirmed[0]);
    expect(mine).toMatchObject({ key: `newsletter:${id}:${subscription!.id}`, kind: 'newsletter', subject: 'Your briefing' });
    expect(mine!.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(mine!.headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?t=/);
    const link = mine!.headers['List-Unsubscribe']!.slice(1, -1);
    expect(mine!.textBody).toContain(`Unsubscribe: ${link}`);
    expect(mine!.htmlBody).toContain(`href="${link}"`);
    expect(readUnsubscribeToken(new URL(link).searchParams.get('t'))).toEqual({ email: confirmed[0], list });

    await expect(sendNewsletterIssueNow(editor, id)).rejects.toBeInstanceOf(NewsletterIssueStateError);
    expect(await queueNewsletterIssue(id)).toEqual({ queued: 0 });
    await getDb().update(mailMessages).set({ status: 'sent' }).where(eq(mailMessages.key, mine!.key));
    await getDb().update(mailMessages).set({ status: 'failed' }).where(eq(mailMessages.toAddress, confirmed[1]!));
    expect(await getNewsletterIssue(editor, id)).toMatchObject({ status: 'sent', counts: { queued: 1, sent: 1, failed: 1 } });
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.subject, `newsletter:${id}`));
    expect(audit.map((entry) => entry.action).sort()).toEqual(['newsletter.create', 'newsletter.send']);
  });

  it('resume a half-queued issue without queueing anyone twice', async () => {
    const { list } = await sectionList();
    const { id } = await issueFor(list);
    await getDb().update(newsletterIssues).set({ status: 'sending' }).where(eq(newsletterIssues.id, id));
    const [first] = await getDb().select({ id: newsletterSubscriptions.id, email: newsletterSubscriptions.email }).from(newsletterSubscriptions).where(eq(newsletterSubscriptions.list, list)).limit(1);
    await getDb().insert(mailMessages).values({ key: `newsletter:${id}:${first!.id}`, kind: 'newsletter', toAddress: first!.email, subject: 's', textBody: 't', newsletterIssueId: id });
    expect(await queueDueNewsletterIssues(new Date())).toContain(id);
    const messages = await getDb().select().from(mailMessages).where(eq(mailMessages.newsletterIssueId, id));
    expect(messages).toHaveLength(3);
  });

  it('go out at their scheduled time, not before', async () => {
    const { list } = await sectionList();
    const { editor, id } = await issueFor(list);
    const at = new Date(Date.now() + 3_600_000);
    await scheduleNewsletterIssue(editor, id, at);
    await expect(scheduleNewsletterIssue(editor, id, new Date(Date.now() - 60_000))).rejects.toMatchObject({ field: 'scheduledFor' });
    expect(await queueDueNewsletterIssues(new Date(at.getTime() - 60_000))).not.toContain(id);
    expect((await getNewsletterIssue(editor, id))!.status).toBe('scheduled');
    expect(await queueDueNewsletterIssues(at)).toContain(id);
    expect(await getNewsletterIssue(editor, id)).toMatchObject({ status: 'sent', counts: { queued: 3 } });
    await expect(scheduleNewsletterIssue(editor, id, null)).rejects.toBeInstanceOf(NewsletterIssueStateError);
  });

  it('queue 20,000 subscribers in under 10 seconds', { timeout: 120_000 }, async () => {
    const { id } = await issueFor('daily');
    await getDb().execute(sql`
      insert into ${newsletterSubscriptions} (email, list, confirmed_at)
      select 'load-' || n || ${`-${run}@example.test`}, 'daily', now() from generate_series(1, 20000) as n
      on conflict do nothing`);
    const started = performance.now();
    const { queued } = await queueNewsletterIssue(id);
    const seconds = (performance.now() - started) / 1000;
    console.info(`queued ${queued} newsletter messages in ${seconds.toFixed(2)} s`);
    expect(queued).toBeGreaterThanOrEqual(20_000);
    expect(seconds).toBeLessThan(10);
    const [{ count }] = (await getDb().execute(sql`select count(*)::int as count, count(distinct to_address)::int as distinct_count from ${mailMessages} where newsletter_issue_id = ${id}`)) as unknown as [{ count: number }];
    expect(count).toBe(queued);
  });
});
