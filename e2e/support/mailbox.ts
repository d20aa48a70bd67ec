import { expect } from '@playwright/test';
import postgres from 'postgres';

import { readDatabaseUrl } from './database-address';

/**
 * The newest message the site queued for `address` in its outbox, waiting a moment for it (the journeys read the
 * rows the site wrote; the mail worker and its SMTP delivery have tests of their own).
 */
export async function newestMailTo(baseUrl: string, address: string): Promise<{ subject: string; text: string; html: string | null }> {
  const sql = postgres(readDatabaseUrl(new URL(baseUrl).port), { max: 1, onnotice: () => {} });
  try {
    let found: { subject: string; text: string; html: string | null } | undefined;
    await expect
      .poll(
        async () => {
          [found] = await sql<{ subject: string; text: string; html: string | null }[]>`
            select subject, text_body as text, html_body as html from mail_messages where to_address = ${address.toLowerCase()} order by id desc limit 1`;
          return found !== undefined;
        },
        { message: `a message to ${address}` },
      )
      .toBe(true);
    return found!;
  } finally {
    await sql.end();
  }
}

/** The link to `path` (with its query) in a message's plain-text part, as a path on the site (the suite's own origin). */
export function linkIn(mail: { text: string }, path: string): string {
  const match = new RegExp(`https?://[^/\\s]+(${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s]*)`).exec(mail.text);
  expect(match, `a link to ${path}`).not.toBeNull();
  return match![1]!;
}
