/**
 * Queues one newsletter issue to every confirmed, still subscribed reader of its list, in one transaction, in chunks
 * of inserts through queueMail. The load script (scripts/newsletter-load.ts) measures it; the newsletter feature's own
 * "queue this issue" function takes its place there once it exists.
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';

import { queueMail } from '../../data/mail-outbox';
import type { Database } from '../../db/client';
import { newsletterIssues, newsletterSubscriptions } from '../../db/schema';
import { composeMail } from '../../lib/mail/compose';
import type { OutgoingMail } from '../../lib/mail/message';

/** Rows per insert: 8 parameters each, well under PostgreSQL's 65,535 per statement. */
const CHUNK = 1000;

export type BulkIssue = { id: number; list: string; subject: string; intro: string };

export async function queueBulk(db: Database, issue: BulkIssue, site: { name: string; url: string }): Promise<number> {
  return db.transaction(async (tx) => {
    const readers = await tx
      .select({ id: newsletterSubscriptions.id, email: newsletterSubscriptions.email })
      .from(newsletterSubscriptions)
      .where(and(eq(newsletterSubscriptions.list, issue.list), isNotNull(newsletterSubscriptions.confirmedAt), isNull(newsletterSubscriptions.unsubscribedAt)))
      .orderBy(asc(newsletterSubscriptions.id));
    for (let start = 0; start < readers.length; start += CHUNK) {
      await queueMail(
        readers.slice(start, start + CHUNK).map((reader): OutgoingMail => {
          const unsubscribeUrl = new URL(`/newsletter/unsubscribe?subscription=${reader.id}`, site.url).toString();
          const { text, html } = composeMail({
            siteName: site.name,
            heading: issue.subject,
            blocks: [{ paragraph: issue.intro }, { link: { label: 'Read today’s front page', url: new URL('/', site.url).toString() } }],
            footer: 'You receive this because you subscribed to this newsletter.',
            unsubscribeUrl,
          });
          return {
            key: `newsletter:${issue.id}:${reader.id}`,
            kind: 'newsletter',
            to: reader.email,
            subject: issue.subject,
            text,
            html,
            headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
            newsletterIssueId: issue.id,
          };
        }),
        tx,
      );
    }
    await tx.update(newsletterIssues).set({ status: 'sending', queuedAt: new Date() }).where(eq(newsletterIssues.id, issue.id));
    return readers.length;
  });
}
