/**
 * The mail a journey caused: the e2e server has no SMTP_URL, so its worker writes each message to DATA_DIR/mail as
 * an .eml file (server/mail-transport.ts). Journeys find theirs by recipient (give each journey addresses of its own:
 * the folder is shared by every run on this checkout).
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import { simpleParser, type ParsedMail } from 'mailparser';

const folder = () => path.join(path.resolve(process.env.DATA_DIR ?? './.data'), 'mail');

async function messagesTo(address: string): Promise<ParsedMail[]> {
  const names = await fs.readdir(folder()).catch(() => [] as string[]);
  const found: ParsedMail[] = [];
  for (const name of names.filter((file) => file.endsWith('.eml'))) {
    const mail = await simpleParser(await fs.readFile(path.join(folder(), name)));
    const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    if (to.some((list) => list.value.some((entry) => entry.address?.toLowerCase() === address.toLowerCase()))) found.push(mail);
  }
  return found.sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0));
}

/** Waits until `count` messages to `address` have been written (the worker sends within about a second). */
export async function waitForMail(address: string, options: { count?: number; timeoutMs?: number } = {}): Promise<ParsedMail[]> {
  const count = options.count ?? 1;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const found = await messagesTo(address);
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`expected ${count} message(s) to ${address}, found ${found.length} in ${folder()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in a message's plain-text part that starts with `prefix` (for example the site's own address). */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const link = (mail.text ?? '').split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`no link starting with ${prefix} in "${mail.subject ?? ''}"`);
  return link;
}
