import 'server-only';

import { sql } from 'drizzle-orm';

import { getDb, type Database, type Transaction } from '@/db/client';
import { mailMessages } from '@/db/schema';
import type { OutgoingMail } from '@/lib/mail/message';

/**
 * Queues messages in the outbox (the mail worker delivers them, never the request). Pass the transaction of the change
 * that causes the message so that both commit or neither does. A message whose key is already queued is kept once.
 */
export async function queueMail(mail: OutgoingMail | OutgoingMail[], db: Database | Transaction = getDb()): Promise<void> {
  const list = Array.isArray(mail) ? mail : [mail];
  if (list.length === 0) return;
  await db
    .insert(mailMessages)
    .values(
      list.map((message) => ({
        key: message.key,
        kind: message.kind,
        toAddress: message.to,
        subject: message.subject,
        textBody: message.text,
        htmlBody: message.html ?? null,
        headers: message.headers ?? {},
        newsletterIssueId: message.newsletterIssueId ?? null,
      })),
    )
    .onConflictDoNothing({ target: mailMessages.key });
  // Wakes an idle worker at once; a worker that misses it finds the rows on its next poll.
  await db.execute(sql`select pg_notify('mail_queued', '')`);
}
