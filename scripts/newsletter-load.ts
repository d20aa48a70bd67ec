/**
 * `npm run load:newsletter`: one newsletter issue to 20,000 confirmed subscribers, in a fresh, throw-away database on
 * the configured server (or the embedded one). Queues it with the newsletter feature's own queueNewsletterIssue (as "Send now" does; must take under 10 s),
 * then delivers it with the real worker (server/worker.ts, server/mail-delivery.ts) to an SMTP server in this process
 * on a loopback port, and prints what arrived: received against sent, duplicates by Message-ID, failures. Exits with
 * status 1 when a message is lost, duplicated or failed, or queueing took 10 s or more; gives up after --timeout.
 * Options: --subscribers N (default 20000), --rate N (bulk messages per second, default 5000), --concurrency N (SMTP
 * connections, default 20), --timeout S (seconds for the delivery, default 600).
 */
import { randomBytes } from 'node:crypto';

import { count, eq, sql } from 'drizzle-orm';

import { createDatabase, dropDatabase } from '../db/admin';
import { closeDb, connect, getDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { mailMessages, newsletterIssues, newsletterSubscriptions } from '../db/schema';
import { resetEnvForTests } from '../lib/env';
import { mailDeliveryJob } from '../server/jobs';
import { DEFAULT_POLICY, MailDelivery } from '../server/mail-delivery';
import { createMailTransport } from '../server/mail-transport';
import { Worker } from '../server/worker';
import { startTestSmtp } from '../test/smtp';
import { queueNewsletterIssue } from '../data/newsletter-issues';
import { withDatabase } from './lib/database';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SUBSCRIBERS = argument('subscribers', 20_000);
const RATE = argument('rate', 5000);
const CONCURRENCY = argument('concurrency', 20);
const TIMEOUT_S = argument('timeout', 600);
const QUEUE_LIMIT_MS = 10_000;
const CHUNK = 5000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

await withDatabase(async (server) => {
  const name = `newsroom_load_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const url = await createDatabase(server.adminUrl, name);
  const smtp = await startTestSmtp({ parse: false });
  try {
    await runMigrations(url);
    process.env.DATABASE_URL = url;
    // The unsubscribe links in every message are signed (lib/mail/list-tokens.ts).
    process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');
    resetEnvForTests();
    const db = getDb();

    for (let start = 0; start < SUBSCRIBERS; start += CHUNK) {
      const size = Math.min(CHUNK, SUBSCRIBERS - start);
      await db
        .insert(newsletterSubscriptions)
        .values(Array.from({ length: size }, (_, n) => ({ email: `reader-${start + n}@load.test`, list: 'daily', confirmedAt: new Date() })));
    }
    const [issue] = await db.insert(newsletterIssues).values({ list: 'daily', subject: 'The Daily Ledger: your morning briefing', intro: 'Good morning. Here is what happened overnight.' }).returning();

    const queueStarted = performance.now();
    const { queued } = await queueNewsletterIssue(issue!.id);
    const queueMs = performance.now() - queueStarted;
    console.log(`queued ${queued} messages in ${seconds(queueMs)}`);

    // The worker as `npm run worker` runs it, with this run's rate and connections, on a pool of its own.
    const workerDb = connect(url, { max: CONCURRENCY + 2 });
    const transport = createMailTransport({ smtpUrl: smtp.url, outboxDir: '', maxConnections: CONCURRENCY });
    const delivery = new MailDelivery(workerDb.db, transport, { name: 'The Daily Ledger', address: 'news@load.test' }, { ...DEFAULT_POLICY, concurrency: CONCURRENCY, ratePerSecond: RATE });
    const worker = new Worker([mailDeliveryJob(delivery)], workerDb.sql);
    const deliveryStarted = performance.now();
    await worker.start();
    let remaining = queued;
    while (remaining > 0 && performance.now() - deliveryStarted < TIMEOUT_S * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const [row] = await db.select({ n: count() }).from(mailMessages).where(eq(mailMessages.status, 'queued'));
      remaining = row?.n ?? 0;
    }
    const deliveryMs = performance.now() - deliveryStarted;
    await worker.stop();
    transport.close();
    await workerDb.sql.end({ timeout: 5 });
    // Anything still in flight on the SMTP side lands before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const statuses = await db.execute<{ status: string; n: number }>(sql`select status, count(*)::int as n from mail_messages group by status`);
    const byStatus = Object.fromEntries(statuses.map((row) => [row.status, Number(row.n)]));
    const ids = smtp.received.map((got) => got.parsed.messageId);
    const unique = new Set(ids).size;
    const duplicates = ids.length - unique;
    const missing = (byStatus.sent ?? 0) - unique;

    const table: [string, string | number][] = [
      ['subscribers (confirmed)', SUBSCRIBERS],
      ['queued (rows)', queued],
      ['queueing time', seconds(queueMs)],
      ['rows sent', byStatus.sent ?? 0],
      ['rows failed', byStatus.failed ?? 0],
      ['rows still queued', byStatus.queued ?? 0],
      ['messages received by SMTP', ids.length],
      ['distinct Message-IDs', unique],
      ['duplicates', duplicates],
      ['sent but not received', missing],
      ['delivery time', seconds(deliveryMs)],
      ['delivery rate', `${Math.round((ids.length / deliveryMs) * 1000)} messages/s (limit ${RATE}/s, ${CONCURRENCY} connections)`],
    ];
    const width = Math.max(...table.map(([label]) => label.length));
    for (const [label, value] of table) console.log(`  ${label.padEnd(width)}  ${value}`);

    const problems = [
      queueMs >= QUEUE_LIMIT_MS && `queueing took ${seconds(queueMs)} (limit ${seconds(QUEUE_LIMIT_MS)})`,
      queued !== SUBSCRIBERS && `${queued} queued for ${SUBSCRIBERS} subscribers`,
      (byStatus.sent ?? 0) !== queued && `${byStatus.sent ?? 0} of ${queued} sent`,
      ids.length !== queued && `${ids.length} of ${queued} received`,
      duplicates > 0 && `${duplicates} duplicates`,
    ].filter((problem): problem is string => typeof problem === 'string');
    if (problems.length > 0) {
      console.error(`FAILED: ${problems.join('; ')}`);
      process.exitCode = 1;
    } else {
      console.log(`OK: ${queued} queued in ${seconds(queueMs)}, every one received once.`);
    }
  } finally {
    await smtp.close();
    await closeDb();
    await dropDatabase(server.adminUrl, name);
  }
});
