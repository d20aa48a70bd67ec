import 'server-only';

import { randomUUID } from 'node:crypto';

import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articles, mailMessages, newsletterIssues, newsletterSubscriptions, sections, users } from '@/db/schema';
import { auditSubjects } from '@/lib/audit-subjects';
import type { ArticleCard } from '@/lib/dto';
import { env } from '@/lib/env';
import { InvalidInputError, NewsletterIssueStateError, NotFoundError } from '@/lib/errors';
import { listLabel, unsubscribeUrl } from '@/lib/mail/list-tokens';
import { newsletterBody, type IssueContent } from '@/lib/mail/newsletter-mail';
import { assertCan } from '@/lib/permissions';

import { recordAudit } from './audit';
import { selectPublicCards } from './cards';
import type { NewsletterList } from './newsletter-subscriptions';
import { sectionNames } from './newsletter-subscriptions';
import type { Viewer } from './viewer';

/** Messages per insert when an issue is queued: big enough to be quick, small enough for the statement's parameters. */
export const QUEUE_CHUNK = 1000;
/** A section digest carries the section's latest stories, this many. */
const SECTION_STORIES = 10;
/** The daily briefing: the stories published in the last day, at most this many. */
const DAILY_STORIES = 20;

export type IssueStatus = 'draft' | 'scheduled' | 'sending' | 'sent';

export type IssueSummary = {
  id: number;
  list: NewsletterList;
  listName: string;
  subject: string;
  status: IssueStatus;
  scheduledFor: string | null;
  queuedAt: string | null;
  counts: { queued: number; sent: number; failed: number };
};

export type IssueDetail = IssueSummary & { intro: string };

export type IssueInput = { list: NewsletterList; subject: string; intro: string };

async function assertListExists(list: NewsletterList): Promise<void> {
  if (list === 'daily') return;
  const [row] = await getDb().select({ id: sections.id }).from(sections).where(eq(sections.slug, list.slice('section:'.length))).limit(1);
  if (!row) throw new InvalidInputError('list', 'Choose one of the newsletters listed.');
}

const countOf = (status: 'queued' | 'sent' | 'failed') => sql<number>`count(${mailMessages.id}) filter (where ${mailMessages.status} = ${status})::int`;

/** Editors (newsletter:send): every issue, newest first, with its messages counted by status. */
export async function listNewsletterIssues(viewer: Viewer | null): Promise<IssueDetail[]> {
  assertCan(viewer, 'newsletter:send');
  const [rows, names] = await Promise.all([
    getDb()
      .select({
        id: newsletterIssues.id,
        list: newsletterIssues.list,
        subject: newsletterIssues.subject,
        intro: newsletterIssues.intro,
        status: newsletterIssues.status,
        scheduledFor: newsletterIssues.scheduledFor,
        queuedAt: newsletterIssues.queuedAt,
        queued: countOf('queued'),
        sent: countOf('sent'),
        failed: countOf('failed'),
      })
      .from(newsletterIssues)
      .leftJoin(mailMessages, eq(mailMessages.newsletterIssueId, newsletterIssues.id))
      .groupBy(newsletterIssues.id)
      .orderBy(desc(newsletterIssues.createdAt), desc(newsletterIssues.id)),
    sectionNames(),
  ]);
  return rows.map((row) => toDetail(row, names));
}

function toDetail(
  row: { id: number; list: string; subject: string; intro: string; status: IssueStatus; scheduledFor: Date | null; queuedAt: Date | null; queued: number; sent: number; failed: number },
  names: ReadonlyMap<string, string>,
): IssueDetail {
  const list = row.list as NewsletterList;
  return {
    id: row.id,
    list,
    listName: listLabel(list, names),
    subject: row.subject,
    intro: row.intro,
    status: row.status,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
    queuedAt: row.queuedAt?.toISOString() ?? null,
    counts: { queued: Number(row.queued), sent: Number(row.sent), failed: Number(row.failed) },
  };
}

/** Editors: one issue with its counts, or null. */
export async function getNewsletterIssue(viewer: Viewer | null, id: number): Promise<IssueDetail | null> {
  assertCan(viewer, 'newsletter:send');
  const issues = await listNewsletterIssues(viewer);
  return issues.find((issue) => issue.id === id) ?? null;
}

/** Editors: a new draft issue. */
export async function createNewsletterIssue(viewer: Viewer | null, input: IssueInput): Promise<{ id: number }> {
  assertCan(viewer, 'newsletter:send');
  await assertListExists(input.list);
  return getDb().transaction(async (tx) => {
    const [row] = await tx.insert(newsletterIssues).values({ ...input, createdBy: viewer.id }).returning({ id: newsletterIssues.id });
    await recordAudit(tx, { actorId: viewer.id, action: 'newsletter.create', subject: auditSubjects.newsletter(row!.id), after: input });
    return { id: row!.id };
  });
}

/** Editors: changes an issue that has not gone out (a draft or a scheduled one). Throws NewsletterIssueStateError. */
export async function updateNewsletterIssue(viewer: Viewer | null, id: number, input: IssueInput): Promise<void> {
  assertCan(viewer, 'newsletter:send');
  await assertListExists(input.list);
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(newsletterIssues).where(eq(newsletterIssues.id, id)).for('update');
    if (!before) throw new NotFoundError('newsletter issue');
    if (before.status === 'sending' || before.status === 'sent') throw new NewsletterIssueStateError(before.status);
    await tx.update(newsletterIssues).set(input).where(eq(newsletterIssues.id, id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'newsletter.save',
      subject: auditSubjects.newsletter(id),
      before: { list: before.list, subject: before.subject, intro: before.intro },
      after: input,
    });
  });
}

/**
 * Editors: schedules an issue for `at` (the mail worker's queueDueNewsletterIssues queues it then), or with null takes
 * it back to a draft. Only drafts and scheduled issues. Throws NewsletterIssueStateError, InvalidInputError for a past time.
 */
export async function scheduleNewsletterIssue(viewer: Viewer | null, id: number, at: Date | null, now: Date = new Date()): Promise<void> {
  assertCan(viewer, 'newsletter:send');
  if (at && at <= now) throw new InvalidInputError('scheduledFor', 'Choose a time in the future.');
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(newsletterIssues).where(eq(newsletterIssues.id, id)).for('update');
    if (!before) throw new NotFoundError('newsletter issue');
    if (before.status === 'sending' || before.status === 'sent') throw new NewsletterIssueStateError(before.status);
    await tx
      .update(newsletterIssues)
      .set({ status: at ? 'scheduled' : 'draft', scheduledFor: at })
      .where(eq(newsletterIssues.id, id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: at ? 'newsletter.schedule' : 'newsletter.unschedule',
      subject: auditSubjects.newsletter(id),
      before: { status: before.status, scheduledFor: before.scheduledFor?.toISOString() ?? null, subject: before.subject },
      after: { status: at ? 'scheduled' : 'draft', scheduledFor: at?.toISOString() ?? null, subject: before.subject },
    });
  });
}

/** Editors: queues the issue for every confirmed subscriber now. An issue already sent queues nothing new. */
export async function sendNewsletterIssueNow(viewer: Viewer | null, id: number): Promise<{ queued: number }> {
  assertCan(viewer, 'newsletter:send');
  const [issue] = await getDb().select({ status: newsletterIssues.status, subject: newsletterIssues.subject }).from(newsletterIssues).where(eq(newsletterIssues.id, id)).limit(1);
  if (!issue) throw new NotFoundError('newsletter issue');
  if (issue.status === 'sent') throw new NewsletterIssueStateError('sent');
  await recordAudit(getDb(), { actorId: viewer.id, action: 'newsletter.send', subject: auditSubjects.newsletter(id), before: { status: issue.status, subject: issue.subject } });
  return queueNewsletterIssue(id);
}

/** The stories an issue of `list` carries, as of `now`: the front page's of the last day, or the section's latest. */
async function storiesFor(list: NewsletterList, now: Date): Promise<ArticleCard[]> {
  const db = getDb();
  if (list === 'daily') return selectPublicCards({ where: gt(articles.publishedAt, new Date(now.getTime() - 86_400_000)), limit: DAILY_STORIES, db });
  const [section] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, list.slice('section:'.length))).limit(1);
  return section ? selectPublicCards({ where: eq(articles.sectionId, section.id), limit: SECTION_STORIES, db }) : [];
}

async function contentOf(issue: { list: string; subject: string; intro: string }, now: Date): Promise<IssueContent> {
  const list = issue.list as NewsletterList;
  const [stories, names] = await Promise.all([storiesFor(list, now), sectionNames()]);
  return { subject: issue.subject, intro: issue.intro, listName: listLabel(list, names), stories };
}

/**
 * Editors: the issue as a subscriber would get it if it went out now (its stories are filled in at sending time),
 * addressed to the editor themselves.
 */
export async function previewNewsletterIssue(viewer: Viewer | null, id: number): Promise<{ subject: string; to: string; text: string; html: string; storyCount: number } | null> {
  assertCan(viewer, 'newsletter:send');
  const [issue] = await getDb().select().from(newsletterIssues).where(eq(newsletterIssues.id, id)).limit(1);
  const [editor] = await getDb().select({ email: users.email }).from(users).where(eq(users.id, viewer.id)).limit(1);
  if (!issue || !editor) return null;
  const content = await contentOf(issue, new Date());
  const { SITE_NAME, SITE_URL } = env();
  const body = newsletterBody(content, { siteName: SITE_NAME, siteUrl: SITE_URL, unsubscribeUrl: unsubscribeUrl(editor.email, issue.list as NewsletterList) });
  return { subject: issue.subject, to: editor.email, text: body.text, html: body.html, storyCount: content.stories.length };
}

/**
 * Queues one message per confirmed, not unsubscribed subscriber of the issue's list (key
 * `newsletter:<issueId>:<subscriptionId>`), in chunks of QUEUE_CHUNK, and marks the issue sent. Safe to call again
 * and from several workers: a sent issue queues nothing, and the keys keep any message from being queued twice (an
 * interrupted run resumes where it stopped). Callers: sendNewsletterIssueNow, queueDueNewsletterIssues, load scripts.
 * Returns how many messages this call queued.
 */
export async function queueNewsletterIssue(issueId: number, now: Date = new Date()): Promise<{ queued: number }> {
  const [issue] = await getDb()
    .update(newsletterIssues)
    .set({ status: 'sending' })
    .where(and(eq(newsletterIssues.id, issueId), inArray(newsletterIssues.status, ['draft', 'scheduled', 'sending'])))
    .returning();
  if (!issue) return { queued: 0 };
  const content = await contentOf(issue, now);
  const { SITE_NAME, SITE_URL } = env();
  const list = issue.list as NewsletterList;
  // Every subscriber's message is the same but for the unsubscribe link: composed once around a marker that the
  // database replaces, so each chunk sends the links rather than 20,000 copies of the bodies (docs in queueChunk).
  const marker = `@@unsubscribe-${randomUUID()}@@`;
  const template = newsletterBody(content, { siteName: SITE_NAME, siteUrl: SITE_URL, unsubscribeUrl: marker });
  let queued = 0;
  let after = 0;
  for (;;) {
    const subscribers = await getDb()
      .select({ id: newsletterSubscriptions.id, email: newsletterSubscriptions.email })
      .from(newsletterSubscriptions)
      .where(
        and(
          eq(newsletterSubscriptions.list, list),
          isNotNull(newsletterSubscriptions.confirmedAt),
          isNull(newsletterSubscriptions.unsubscribedAt),
          gt(newsletterSubscriptions.id, after),
        ),
      )
      .orderBy(asc(newsletterSubscriptions.id))
      .limit(QUEUE_CHUNK);
    if (subscribers.length === 0) break;
    after = subscribers.at(-1)!.id;
    queued += await queueChunk(issue, { ...template, marker }, subscribers.map((subscriber) => ({ ...subscriber, unsubscribeUrl: unsubscribeUrl(subscriber.email, list) })));
  }
  if (queued > 0) await getDb().execute(sql`select pg_notify('mail_queued', '')`);
  await getDb().update(newsletterIssues).set({ status: 'sent', queuedAt: now }).where(and(eq(newsletterIssues.id, issue.id), eq(newsletterIssues.status, 'sending')));
  return { queued };
}

/**
 * One chunk of an issue's messages into the outbox: the rows queueMail (data/mail-outbox.ts) would write, with the same
 * key rule (a key already queued is kept once), built in one statement from the template and each subscriber's link.
 * Sending the bodies themselves for 20,000 subscribers took 20 s on a loaded machine; this takes a few. Returns how
 * many were new.
 */
async function queueChunk(
  issue: { id: number; subject: string },
  template: { text: string; html: string; headers: Record<string, string>; marker: string },
  subscribers: { id: number; email: string; unsubscribeUrl: string }[],
): Promise<number> {
  const keys = subscribers.map((subscriber) => `newsletter:${issue.id}:${subscriber.id}`);
  const addresses = subscribers.map((subscriber) => subscriber.email);
  const links = subscribers.map((subscriber) => subscriber.unsubscribeUrl);
  const [row] = await getDb().execute<{ count: number }>(sql`
    with inserted as (
      insert into ${mailMessages} (key, kind, to_address, subject, text_body, html_body, headers, newsletter_issue_id)
      select message.key, 'newsletter', message.address, ${issue.subject},
             replace(${template.text}, ${template.marker}, message.link),
             replace(${template.html}, ${template.marker}, message.link),
             replace(${JSON.stringify(template.headers)}, ${template.marker}, message.link)::jsonb,
             ${issue.id}
      from unnest(${sql.param(keys)}::text[], ${sql.param(addresses)}::text[], ${sql.param(links)}::text[]) as message(key, address, link)
      on conflict (key) do nothing
      returning 1
    )
    select count(*)::int as count from inserted`);
  return Number(row?.count ?? 0);
}

/**
 * The mail worker's periodic job (every minute): queues every scheduled issue whose time has come, and finishes any
 * issue a stopped worker left half-queued. Returns the ids it queued.
 */
export async function queueDueNewsletterIssues(now: Date): Promise<number[]> {
  const due = await getDb()
    .select({ id: newsletterIssues.id })
    .from(newsletterIssues)
    .where(or(and(eq(newsletterIssues.status, 'scheduled'), lte(newsletterIssues.scheduledFor, now)), eq(newsletterIssues.status, 'sending')))
    .orderBy(asc(newsletterIssues.scheduledFor), asc(newsletterIssues.id));
  for (const issue of due) await queueNewsletterIssue(issue.id, now);
  return due.map((issue) => issue.id);
}

/** Editors: how many confirmed, not unsubscribed subscribers a list has now. */
export async function countConfirmedSubscribers(viewer: Viewer | null, list: NewsletterList): Promise<number> {
  assertCan(viewer, 'newsletter:send');
  const [row] = await getDb()
    .select({ count: sql<number>`count(*)::int` })
    .from(newsletterSubscriptions)
    .where(and(eq(newsletterSubscriptions.list, list), isNotNull(newsletterSubscriptions.confirmedAt), isNull(newsletterSubscriptions.unsubscribedAt)));
  return Number(row?.count ?? 0);
}
