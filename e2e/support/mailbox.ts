import fs from 'node:fs';
import path from 'node:path';

import { expect } from '@playwright/test';
import { simpleParser } from 'mailparser';

import { readMailDir } from './database-address';

export type Mail = { subject: string; text: string; html: string | null; headers: Map<string, unknown> };

/** Messages already read, by file: a message is filed once and never changes. */
const parsedFiles = new Map<string, { to: string[]; mail: Mail }>();

async function readFiled(file: string): Promise<{ to: string[]; mail: Mail }> {
  const known = parsedFiles.get(file);
  if (known) return known;
  const parsed = await simpleParser(fs.readFileSync(file));
  const recipients = [parsed.to].flat().flatMap((group) => group?.value ?? []);
  const entry = {
    to: recipients.map((recipient) => (recipient.address ?? '').toLowerCase()),
    mail: { subject: parsed.subject ?? '', text: parsed.text ?? '', html: parsed.html || null, headers: parsed.headers },
  };
  parsedFiles.set(file, entry);
  return entry;
}

/**
 * The newest message the suite's SMTP server received for `address` (whose plain text mentions `mentioning`, when
 * given), waiting for it: the site queues it in its outbox and its worker delivers it over SMTP moments later.
 */
export async function newestMailTo(baseUrl: string, address: string, mentioning?: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailsTo(baseUrl, address)).find((mail) => mentioning === undefined || mail.text.includes(mentioning));
        return found !== undefined;
      },
      { message: `a message to ${address}${mentioning ? ` mentioning ${mentioning}` : ''}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** Every message the suite's SMTP server has received for `address` so far, newest first. */
export async function mailsTo(baseUrl: string, address: string): Promise<Mail[]> {
  const dir = readMailDir(new URL(baseUrl).port);
  const files = fs.readdirSync(dir).sort().reverse();
  const filed = await Promise.all(files.map((file) => readFiled(path.join(dir, file))));
  return filed.filter(({ to }) => to.includes(address.toLowerCase())).map(({ mail }) => mail);
}

/** The link to `path` (with its query) in a message's plain-text part, as a path on the site (the suite's own origin). */
export function linkIn(mail: { text: string }, path: string): string {
  const match = new RegExp(`https?://[^/\\s]+(${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s]*)`).exec(mail.text);
  expect(match, `a link to ${path}`).not.toBeNull();
  return match![1]!;
}

/** The newest message to `address` that carries a link to `path`, and that link (as a path on the site). */
export async function linkInMailTo(baseUrl: string, address: string, path: string): Promise<string> {
  return linkIn(await newestMailTo(baseUrl, address, path), path);
}
