/** What the outbox holds for an address: tests read the queued messages (the mail worker is tested on its own). */
import { desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';

import { getDb } from '@/db/client';
import { mailMessages } from '@/db/schema';

export type QueuedMail = { to: string; subject: string; text: string; html: string | null; kind: string };

/** Every message queued for `address`, newest first. */
export async function mailTo(address: string): Promise<QueuedMail[]> {
  const rows = await getDb()
    .select({ to: mailMessages.toAddress, subject: mailMessages.subject, text: mailMessages.textBody, html: mailMessages.htmlBody, kind: mailMessages.kind })
    .from(mailMessages)
    .where(eq(mailMessages.toAddress, address.toLowerCase()))
    .orderBy(desc(mailMessages.id));
  return rows;
}

/** The newest message for `address` (fails the test when there is none). */
export async function newestMailTo(address: string): Promise<QueuedMail> {
  const [mail] = await mailTo(address);
  expect(mail, `a message to ${address}`).toBeDefined();
  return mail!;
}

/**
 * The link to `path` in a message: present, absolute on SITE_URL, and the same in the plain-text and HTML parts.
 * Returns its token.
 */
export function tokenOfLink(mail: QueuedMail, path: string, siteUrl = 'http://localhost:3000'): string {
  const pattern = new RegExp(`${siteUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path}\\?token=([A-Za-z0-9_-]+)`);
  const inText = pattern.exec(mail.text)?.[1];
  expect(inText, `a link to ${path} in the text part`).toBeDefined();
  expect(mail.html ?? '').toContain(`${siteUrl}${path}?token=${inText}`);
  return inText!;
}
