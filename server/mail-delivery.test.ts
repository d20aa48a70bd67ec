import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { eq, like } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';

import { queueMail } from '@/data/mail-outbox';
import { connect, getDb } from '@/db/client';
import { mailMessages } from '@/db/schema';
import { composeMail } from '@/lib/mail/compose';
import type { OutgoingMail } from '@/lib/mail/message';
import { startTestSmtp, type TestSmtp } from '@/test/smtp';

import { mailDeliveryJob } from './jobs';
import { DEFAULT_POLICY, MailDelivery, messageIdFor, type DeliveryPolicy } from './mail-delivery';
import { createMailTransport } from './mail-transport';
import { Worker } from './worker';

const FROM = { name: 'The Daily Ledger, Test', address: 'news@ledger.test' };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanups.splice(0).reverse()) await cleanUp();
});

/** A domain of this test's own: rows and messages of other tests are told apart by it. */
function testDomain(): string {
  return `t${randomBytes(4).toString('hex')}.test`;
}

async function smtp(): Promise<TestSmtp> {
  const server = await startTestSmtp();
  cleanups.push(() => server.close());
  return server;
}

type Lines = { info: string[]; error: string[] };

/**
 * A worker as `npm run worker` runs one, on its own pool, delivering through `to` (an SMTP URL or a folder). The
 * poll defaults to a minute so that only pg_notify can make a message leave within the tests' waits.
 */
async function startWorker(to: { smtpUrl?: string; outboxDir?: string }, options: { policy?: Partial<DeliveryPolicy>; everyMs?: number } = {}) {
  const { sql, db } = connect(process.env.DATABASE_URL!, { max: 3 });
  const transport = createMailTransport({ smtpUrl: to.smtpUrl, outboxDir: to.outboxDir ?? os.tmpdir() });
  const lines: Lines = { info: [], error: [] };
  const log = { info: (line: string) => lines.info.push(line), error: (line: string) => lines.error.push(line) };
  const delivery = new MailDelivery(db, transport, FROM, { ...DEFAULT_POLICY, ratePerSecond: 5000, ...options.policy }, log);
  const worker = new Worker([mailDeliveryJob(delivery, { everyMs: options.everyMs ?? 60_000, log })], sql, log);
  await worker.start();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await worker.stop();
    transport.close();
    await sql.end({ timeout: 5 });
  };
  cleanups.push(stop);
  return { stop, lines };
}

function message(domain: string, n: number, overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return { key: `test:${domain}:${n}`, kind: 'account', to: `reader${n}@${domain}`, subject: `Message ${n}`, text: `Plain text ${n}\n`, ...overrides };
}

async function rowsOf(domain: string) {
  return getDb().select().from(mailMessages).where(like(mailMessages.toAddress, `%@${domain}`)).orderBy(mailMessages.id);
}

/** A header as it was written (mailparser folds the List-* headers into one structured `list` value). */
function headerLine(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines.find((line) => line.key === name)?.line;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`not done within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('mail delivery over SMTP', () => {
  it('sends a queued message within a second of pg_notify, with its headers, both parts and the links', async () => {
    const server = await smtp();
    await startWorker({ smtpUrl: server.url });
    const domain = testDomain();
    const { text, html } = composeMail({
      siteName: 'The Daily Ledger',
      heading: 'Someone answered you',
      blocks: [{ paragraph: 'Read the reply:' }, { link: { label: 'The reply', url: 'http://127.0.0.1:3000/news/story#comment-7' } }],
      unsubscribeUrl: 'http://127.0.0.1:3000/unsubscribe/abc',
    });
    const headers = { 'List-Unsubscribe': '<http://127.0.0.1:3000/unsubscribe/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
    // What is measured is the wake-up by pg_notify, not the worker's start-up run: let that one end first.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const queuedAt = Date.now();
    await queueMail(message(domain, 1, { kind: 'notification', subject: 'A reply to your comment — “quoted”', text, html, headers }));

    const [got] = await server.waitFor(1, 5_000);
    expect(got!.at - queuedAt).toBeLessThan(1_500);
    const mail = got!.parsed;
    expect(got!.envelopeTo).toEqual([`reader1@${domain}`]);
    expect(mail.messageId).toBe(messageIdFor(`test:${domain}:1`, FROM));
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@ledger\.test>$/);
    expect(mail.from?.value).toEqual([{ name: 'The Daily Ledger, Test', address: 'news@ledger.test' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([{ name: '', address: `reader1@${domain}` }]);
    expect(mail.subject).toBe('A reply to your comment — “quoted”');
    expect(mail.date).toBeInstanceOf(Date);
    expect(headerLine(mail, 'list-unsubscribe')).toBe('List-Unsubscribe: <http://127.0.0.1:3000/unsubscribe/abc>');
    expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.text).toContain('http://127.0.0.1:3000/news/story#comment-7');
    expect(mail.html).toContain('<a href="http://127.0.0.1:3000/news/story#comment-7"');
    expect(mail.html).toContain('href="http://127.0.0.1:3000/unsubscribe/abc"');

    const [row] = await until(() => rowsOf(domain), (rows) => rows[0]?.status === 'sent');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it('sends a message without HTML as plain text only', async () => {
    const server = await smtp();
    await startWorker({ smtpUrl: server.url });
    const domain = testDomain();
    await queueMail(message(domain, 1));
    const [got] = await server.waitFor(1, 3_000);
    expect(got!.parsed.text).toBe('Plain text 1\n');
    expect(got!.parsed.html).toBe(false);
  });

  it('sends a key queued twice once, in two calls or in one', async () => {
    const server = await smtp();
    const domain = testDomain();
    await queueMail(message(domain, 1));
    await queueMail(message(domain, 1, { subject: 'The same key again' }));
    await queueMail([message(domain, 2), message(domain, 2, { subject: 'Twice in one call' })]);
    await startWorker({ smtpUrl: server.url });
    await server.waitFor(2, 3_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const subjects = server.received.filter((got) => got.envelopeTo[0]?.endsWith(domain)).map((got) => got.parsed.subject);
    expect(subjects.sort()).toEqual(['Message 1', 'Message 2']);
    expect(await rowsOf(domain)).toHaveLength(2);
  });

  it('retries a refused recipient with growing waits, then marks it failed with the error kept and no address in the log', async () => {
    const server = await smtp();
    const domain = testDomain();
    server.refuse(`reader1@${domain}`, { code: 451, message: 'Try again later' });
    const { lines } = await startWorker({ smtpUrl: server.url }, { policy: { backoffMs: 300, maxAttempts: 4 }, everyMs: 50 });
    await queueMail([message(domain, 1), message(domain, 2)]);

    const rows = await until(() => rowsOf(domain), (found) => found[0]?.status === 'failed', 20_000);
    expect(rows[0]).toMatchObject({ status: 'failed', attempts: 4, sentAt: null });
    expect(rows[0]!.lastError).toContain('451');
    expect(rows[1]).toMatchObject({ status: 'sent', attempts: 1 });

    const times = server.refusals.get(`reader1@${domain}`)!;
    expect(times).toHaveLength(4);
    const waits = times.slice(1).map((time, n) => time - times[n]!);
    // 300, 600 and 1200 ms of backoff (the poll adds up to 50 ms).
    expect(waits[0]).toBeGreaterThanOrEqual(280);
    expect(waits[1]).toBeGreaterThanOrEqual(580);
    expect(waits[2]).toBeGreaterThanOrEqual(1180);
    expect(lines.error).toHaveLength(4);
    expect(lines.error.at(-1)).toMatch(/failed after 4 attempts \(\S+ 451\)/);
    expect(lines.error.join('\n')).not.toContain(domain);
    expect(server.received.filter((got) => got.envelopeTo[0] === `reader1@${domain}`)).toHaveLength(0);
  });

  it('marks a permanently refused recipient failed after its attempts too', async () => {
    const server = await smtp();
    const domain = testDomain();
    server.refuse(`reader1@${domain}`, { code: 550, message: 'No such user' });
    await startWorker({ smtpUrl: server.url }, { policy: { backoffMs: 100, maxAttempts: 2 }, everyMs: 50 });
    await queueMail(message(domain, 1));
    const [row] = await until(() => rowsOf(domain), (found) => found[0]?.status === 'failed');
    expect(row).toMatchObject({ attempts: 2 });
    expect(row!.lastError).toContain('550');
  });

  it('delivers after a restart what was queued while no worker ran, and what a stopping worker handed back', async () => {
    const server = await smtp();
    const domain = testDomain();
    // Slow bulk: the first worker is stopped with messages claimed and not yet sent.
    const first = await startWorker({ smtpUrl: server.url }, { policy: { ratePerSecond: 10 } });
    await queueMail(Array.from({ length: 30 }, (_, n) => message(domain, n, { kind: 'newsletter' })));
    await until(async () => server.received.length, (count) => count >= 3);
    await first.stop();
    const afterStop = await rowsOf(domain);
    const sentByFirst = afterStop.filter((row) => row.status === 'sent').length;
    expect(sentByFirst).toBeGreaterThan(0);
    expect(sentByFirst).toBeLessThan(30);
    // Nothing is left leased to the stopped worker, and an unsent message's claim did not count as an attempt.
    for (const row of afterStop.filter((found) => found.status === 'queued')) {
      expect(row.attempts).toBe(0);
      expect(row.availableAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    }
    await queueMail(Array.from({ length: 5 }, (_, n) => message(domain, 100 + n)));

    await startWorker({ smtpUrl: server.url }, { policy: { ratePerSecond: 1000 } });
    const rows = await until(() => rowsOf(domain), (found) => found.every((row) => row.status === 'sent'));
    expect(rows).toHaveLength(35);
    const ids = server.received.filter((got) => got.envelopeTo[0]?.endsWith(domain)).map((got) => got.parsed.messageId);
    expect(ids).toHaveLength(35);
    expect(new Set(ids).size).toBe(35);
  });

  it('leaves a message claimed by a worker that died mid-send alone until its lease ends, then sends it once', async () => {
    const server = await smtp();
    const domain = testDomain();
    await queueMail(message(domain, 1));
    // What a dead worker leaves: the claim counted, the lease running.
    await getDb()
      .update(mailMessages)
      .set({ attempts: 1, availableAt: new Date(Date.now() + 1_500) })
      .where(eq(mailMessages.key, `test:${domain}:1`));
    await startWorker({ smtpUrl: server.url }, { everyMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(server.received.filter((got) => got.envelopeTo[0]?.endsWith(domain))).toHaveLength(0);
    const [row] = await until(() => rowsOf(domain), (found) => found[0]?.status === 'sent');
    expect(row!.attempts).toBe(2);
    expect(server.received.filter((got) => got.envelopeTo[0]?.endsWith(domain))).toHaveLength(1);
  });

  it('sends account mail before a queue of bulk mail', async () => {
    const server = await smtp();
    const domain = testDomain();
    await queueMail(Array.from({ length: 40 }, (_, n) => message(domain, n, { kind: 'newsletter' })));
    await queueMail(message(domain, 999, { subject: 'Reset your password' }));
    await startWorker({ smtpUrl: server.url }, { policy: { ratePerSecond: 20 } });
    // Sent alongside the first bulk messages (one per connection at once), not after the 40 of them.
    const firstSix = (await server.waitFor(6, 3_000)).slice(0, 6).map((got) => got.parsed.subject);
    expect(firstSix).toContain('Reset your password');
  });

  it('lets two workers at once deliver 200 messages with no Message-ID twice', async () => {
    const server = await smtp();
    const domain = testDomain();
    const workers = [await startWorker({ smtpUrl: server.url }), await startWorker({ smtpUrl: server.url })];
    await queueMail(Array.from({ length: 200 }, (_, n) => message(domain, n, { kind: n % 2 ? 'newsletter' : 'notification' })));
    await until(() => rowsOf(domain), (rows) => rows.every((row) => row.status === 'sent'), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ids = server.received.filter((got) => got.envelopeTo[0]?.endsWith(domain)).map((got) => got.parsed.messageId);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    for (const worker of workers) expect(worker.lines.error).toEqual([]);
  });
});

describe('mail delivery without SMTP', () => {
  it('writes each message as a parseable .eml file in the outbox folder and logs where', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'outbox-'));
    cleanups.push(() => fs.rm(folder, { recursive: true, force: true }));
    const { lines } = await startWorker({ outboxDir: folder });
    const domain = testDomain();
    const { text, html } = composeMail({ siteName: 'The Daily Ledger', heading: 'Confirm', blocks: [{ link: { label: 'Confirm your address', url: 'http://127.0.0.1:3000/confirm/xyz' } }] });
    await queueMail(message(domain, 1, { text, html, headers: { 'List-Unsubscribe': '<http://127.0.0.1:3000/u/1>' } }));

    const [row] = await until(() => rowsOf(domain), (found) => found[0]?.status === 'sent');
    const files = await fs.readdir(folder);
    expect(files).toHaveLength(1);
    const file = path.join(folder, files[0]!);
    expect(lines.info).toContain(`[mail] message ${row!.id} written to ${file}`);
    const raw = await fs.readFile(file);
    expect(raw.toString('latin1')).toMatch(/\r\n\r\n/);
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(messageIdFor(`test:${domain}:1`, FROM));
    expect(parsed.subject).toBe('Message 1');
    expect(parsed.text).toContain('http://127.0.0.1:3000/confirm/xyz');
    expect(parsed.html).toContain('href="http://127.0.0.1:3000/confirm/xyz"');
    expect(headerLine(parsed, 'list-unsubscribe')).toBe('List-Unsubscribe: <http://127.0.0.1:3000/u/1>');
  });
});
