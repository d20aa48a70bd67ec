/**
 * The background jobs every worker runs (server/worker.ts), built from the environment. Mail delivery is the first;
 * a feature's periodic job (name, interval, run) is added to the list `backgroundJobs` returns.
 */
import { sweepFormResults } from '@/data/form-results';
import { queueDueNewsletterIssues } from '@/data/newsletter-issues';
import { sendDueReplyNotifications } from '@/data/notifications';
import { syncDueSearchWords } from '@/data/search-words';
import { sweepThrottles } from '@/data/throttles';
import { connect, type Database } from '@/db/client';
import { env, mailFrom, mailOutboxDir } from '@/lib/env';

import { DEFAULT_POLICY, MailDelivery, type DeliveryLog } from './mail-delivery';
import { createMailTransport } from './mail-transport';
import { Worker, type PeriodicJob } from './worker';

/** The poll behind pg_notify('mail_queued'): picks up retries whose backoff has ended and notifications missed. */
const MAIL_POLL_MS = 5_000;
/** Reply notices are batched per reader over 15 minutes; a minute's granularity is enough for both feature jobs. */
const FEATURE_JOB_MS = 60_000;

/**
 * The features' periodic work: one process at a time runs each (its functions are safe to run twice anyway). They
 * write to the outbox through the site's data/ functions, and the mail job delivers what they queue.
 */
export const featureJobs: PeriodicJob[] = [
  { name: 'send due reply notifications', everyMs: FEATURE_JOB_MS, runsOn: 'one worker', run: async () => void (await sendDueReplyNotifications(new Date())) },
  { name: 'queue due newsletter issues', everyMs: FEATURE_JOB_MS, runsOn: 'one worker', run: async () => void (await queueDueNewsletterIssues(new Date())) },
  { name: 'count words of stories the clock published or expired', everyMs: FEATURE_JOB_MS, runsOn: 'one worker', run: async () => void (await syncDueSearchWords()) },
  { name: 'sweep spent throttle counts', everyMs: 60 * FEATURE_JOB_MS, runsOn: 'one worker', run: async () => void (await sweepThrottles()) },
  { name: 'sweep expired form answers', everyMs: 60 * FEATURE_JOB_MS, runsOn: 'one worker', run: async () => void (await sweepFormResults()) },
];

export type BackgroundJobs = {
  jobs: PeriodicJob[];
  /** Where mail goes, for the start-up log. */
  mailDestination: string;
  /** Closes what the jobs hold open (the SMTP pool), after the worker stopped. */
  close(): void;
};

export function backgroundJobs(db: Database, log: DeliveryLog = console): BackgroundJobs {
  const { SMTP_URL, MAIL_RATE_PER_SECOND } = env();
  const transport = createMailTransport({ smtpUrl: SMTP_URL, outboxDir: mailOutboxDir(), maxConnections: DEFAULT_POLICY.concurrency });
  return {
    jobs: [mailDeliveryJob(new MailDelivery(db, transport, mailFrom(), { ...DEFAULT_POLICY, ratePerSecond: MAIL_RATE_PER_SECOND }, log), { log }), ...featureJobs],
    mailDestination: transport.description,
    close: () => transport.close(),
  };
}

export function mailDeliveryJob(delivery: MailDelivery, options: { everyMs?: number; log?: DeliveryLog } = {}): PeriodicJob {
  const log = options.log ?? console;
  return {
    name: 'deliver mail',
    everyMs: options.everyMs ?? MAIL_POLL_MS,
    wakeOn: 'mail_queued',
    runsOn: 'every worker',
    async run(signal) {
      const { sent, retried, failed } = await delivery.drain(signal);
      if (retried + failed > 0 || sent >= 100) log.info(`[mail] ${sent} sent, ${retried} to be retried, ${failed} failed`);
    },
  };
}

/**
 * Starts this process's worker on a small pool of its own (the site's pool may be swapped when the database restarts;
 * this one reconnects by itself). stop() finishes the messages under way, then closes the pool.
 */
export async function startWorker(databaseUrl: string, log: DeliveryLog = console): Promise<{ stop(): Promise<void> }> {
  const { sql, db } = connect(databaseUrl, { max: 3 });
  const background = backgroundJobs(db, log);
  const worker = new Worker(background.jobs, sql, log);
  await worker.start();
  log.info(`[worker] running ${background.jobs.map((job) => job.name).join(', ')}; mail goes to ${background.mailDestination}`);
  return {
    async stop() {
      await worker.stop();
      background.close();
      await sql.end({ timeout: 5 });
    },
  };
}
