/**
 * Delivers the outbox (mail_messages, written by data/mail-outbox.ts#queueMail in the business transaction). A worker
 * claims due rows atomically (FOR UPDATE SKIP LOCKED, so several workers never take the same row) by pushing their
 * available_at to the end of a lease, sends them, and records each outcome at once: sent, or queued again after an
 * exponential backoff, or failed once the attempts run out. What this does and does not guarantee: docs/adr/0022.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { sql } from 'drizzle-orm';
import type Mail from 'nodemailer/lib/mailer';

import type { Database } from '@/db/client';
import type { MailAddress } from '@/lib/env';

import type { MailTransport } from './mail-transport';

export type DeliveryPolicy = {
  /** Bulk (newsletter) messages per second, for this worker. */
  ratePerSecond: number;
  /** Messages sent at once (the SMTP pool's connections). */
  concurrency: number;
  /** Attempts before a message is marked failed. */
  maxAttempts: number;
  /** Wait after the first failed attempt; doubled after each further one, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /**
   * How long a claimed message is left to the worker that claimed it. Far longer than a send can take (the transport's
   * timeouts): only a worker that died mid-send leaves a message for this long, and then another worker retries it.
   */
  leaseMs: number;
};

export const DEFAULT_POLICY: Omit<DeliveryPolicy, 'ratePerSecond'> = {
  concurrency: 5,
  maxAttempts: 8,
  backoffMs: 60_000,
  maxBackoffMs: 3_600_000,
  leaseMs: 600_000,
};

type Claimed = {
  id: number;
  key: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: Record<string, string>;
  attempts: number;
  created_at: Date;
};

export type DeliveryLog = { info(line: string): void; error(line: string): void };

/** What one pass did, for the caller's log and the tests. */
export type DeliveryCounts = { sent: number; retried: number; failed: number };

/** The stable Message-ID of an outbox key: a receiver that sees it twice (a retry after a crash) can drop the copy. */
export function messageIdFor(key: string, from: MailAddress): string {
  const domain = from.address.split('@')[1] ?? 'localhost';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

export class MailDelivery {
  private nextBulkSlot = 0;

  constructor(
    private readonly db: Database,
    private readonly transport: MailTransport,
    private readonly from: MailAddress,
    private readonly policy: DeliveryPolicy,
    private readonly log: DeliveryLog = console,
  ) {}

  /**
   * Sends what is due until nothing is, or until `signal` aborts: the messages under way are finished and recorded,
   * the claimed ones not yet started are handed back at once (not left to their lease).
   */
  async drain(signal: AbortSignal): Promise<DeliveryCounts> {
    const counts: DeliveryCounts = { sent: 0, retried: 0, failed: 0 };
    // About a second of bulk at most per claim: mail queued meanwhile (a password reset) waits for the next claim.
    const claimSize = Math.max(1, Math.min(this.policy.concurrency * 4, Math.ceil(this.policy.ratePerSecond)));
    while (!signal.aborted) {
      const batch = await this.claim(claimSize);
      if (batch.length === 0) break;
      const unstarted: number[] = [];
      let next = 0;
      const lane = async () => {
        for (let row = batch[next++]; row; row = batch[next++]) {
          if (signal.aborted || !(await this.bulkSlot(row, signal))) {
            unstarted.push(row.id);
            continue;
          }
          counts[await this.deliver(row)]++;
        }
      };
      // Every lane ends before the next claim or the return, even when one fails (the database went away).
      const lanes = await Promise.allSettled(Array.from({ length: Math.min(this.policy.concurrency, batch.length) }, lane));
      if (unstarted.length > 0) await this.handBack(unstarted);
      const failure = lanes.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
    }
    return counts;
  }

  /** Takes up to `limit` due messages: account and notification mail first, then bulk, each oldest first. */
  private async claim(limit: number): Promise<Claimed[]> {
    const rows = await this.db.execute<Claimed>(sql`
      update mail_messages
         set available_at = now() + make_interval(secs => ${this.policy.leaseMs / 1000}), attempts = attempts + 1
       where id in (
         select id from mail_messages
          where status = 'queued' and available_at <= now()
          order by (kind = 'newsletter'), available_at, id
          limit ${limit}
          for update skip locked)
      returning id, key, kind, to_address, subject, text_body, html_body, headers, attempts, created_at`);
    // RETURNING keeps no order: sent in the claim's (raw rows, so the timestamp arrives as text).
    const bulkLast = (row: Claimed) => (row.kind === 'newsletter' ? 1 : 0);
    return rows.map((row) => ({ ...row, created_at: new Date(row.created_at) })).sort((a, b) => bulkLast(a) - bulkLast(b) || a.id - b.id);
  }

  /** Waits for the bulk rate to allow one more newsletter; false when stopped meanwhile. */
  private async bulkSlot(row: Claimed, signal: AbortSignal): Promise<boolean> {
    if (row.kind !== 'newsletter') return true;
    const now = performance.now();
    const at = Math.max(now, this.nextBulkSlot);
    this.nextBulkSlot = at + 1000 / this.policy.ratePerSecond;
    if (at - now < 1) return true;
    try {
      await sleep(at - now, undefined, { signal });
      return true;
    } catch {
      return false;
    }
  }

  private async deliver(row: Claimed): Promise<keyof DeliveryCounts> {
    let where: string;
    try {
      where = await this.transport.send(this.compose(row));
    } catch (error) {
      return this.recordFailure(row, error);
    }
    // Guarded by the attempt: a worker whose lease ran out (and whose row another worker took) records nothing. If
    // this write fails the row stays claimed and is sent again when its lease ends: the one duplicate the ADR allows.
    await this.db.execute(sql`
      update mail_messages set status = 'sent', sent_at = now(), last_error = null
       where id = ${row.id} and status = 'queued' and attempts = ${row.attempts}`);
    if (!where.startsWith('smtp')) this.log.info(`[mail] message ${row.id} written to ${where}`);
    return 'sent';
  }

  private compose(row: Claimed): Mail.Options {
    return {
      from: this.from,
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      ...(row.html_body ? { html: row.html_body } : {}),
      headers: row.headers,
      messageId: messageIdFor(row.key, this.from),
      date: row.created_at,
    };
  }

  private async recordFailure(row: Claimed, error: unknown): Promise<'retried' | 'failed'> {
    const gaveUp = row.attempts >= this.policy.maxAttempts;
    const waitMs = Math.min(this.policy.backoffMs * 2 ** (row.attempts - 1), this.policy.maxBackoffMs);
    await this.db.execute(sql`
      update mail_messages
         set last_error = ${describeError(error).slice(0, 2000)},
             status = ${gaveUp ? 'failed' : 'queued'},
             available_at = now() + make_interval(secs => ${waitMs / 1000})
       where id = ${row.id} and status = 'queued' and attempts = ${row.attempts}`);
    // The log names the row and the server's answer code, never the address or the content.
    const code = errorCode(error);
    this.log.error(
      gaveUp
        ? `[mail] message ${row.id} failed after ${row.attempts} attempts (${code}); last error kept in mail_messages`
        : `[mail] message ${row.id} attempt ${row.attempts} failed (${code}); next try in ${Math.round(waitMs / 1000)} s`,
    );
    return gaveUp ? 'failed' : 'retried';
  }

  /** Claimed but not started (the worker is stopping): due again now, and the claim does not count as an attempt. */
  private async handBack(ids: number[]): Promise<void> {
    await this.db.execute(sql`
      update mail_messages set available_at = now(), attempts = attempts - 1
       where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and status = 'queued'`);
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** nodemailer's error code and the SMTP reply code, when there are: "EENVELOPE 550". */
function errorCode(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  return [code, responseCode].filter((part) => part !== undefined).join(' ') || error.name;
}
