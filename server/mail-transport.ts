/**
 * Where the worker hands a finished message: an SMTP server (SMTP_URL), or, with none configured, an .eml file per
 * message under DATA_DIR/mail (the embedded default: `npm start` needs no mail server). Both go through nodemailer,
 * so the file is the same RFC 5322 message the SMTP server would have received.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';

export type MailTransport = {
  /** Sends one message; resolves with where it went (for the log), rejects when it was not accepted. */
  send(message: Mail.Options): Promise<string>;
  /** Closes pooled connections; messages under way finish first. */
  close(): void;
  /** "smtp://host:port" or the outbox folder, for the start-up log (never the password). */
  readonly description: string;
};

/** Long enough for a slow server, far shorter than the claim's lease (server/mail-delivery.ts). */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as const;

export function createMailTransport(options: { smtpUrl?: string; outboxDir: string; maxConnections?: number }): MailTransport {
  return options.smtpUrl ? smtpTransport(options.smtpUrl, options.maxConnections ?? 5) : fileTransport(options.outboxDir);
}

function smtpTransport(url: string, maxConnections: number): MailTransport {
  // The URL's own query options, if any, override these defaults.
  const transporter = nodemailer.createTransport(new SMTPPool({ ...TIMEOUTS, pool: true, maxConnections, maxMessages: 1000, url }));
  const where = new URL(url);
  const description = `${where.protocol}//${where.hostname}:${where.port || (where.protocol === 'smtps:' ? '465' : '587')}`;
  return {
    description,
    async send(message) {
      const info = await transporter.sendMail(message);
      // One recipient per message: a refusal of it is a failure of the message (nodemailer throws when all are refused).
      if (info.rejected.length > 0) throw new Error(`The server refused the recipient: ${String(info.response)}`);
      return description;
    },
    close: () => transporter.close(),
  };
}

function fileTransport(folder: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: folder,
    async send(message) {
      const info = await transporter.sendMail(message);
      await fs.mkdir(folder, { recursive: true });
      const file = path.join(folder, emlFileName(String(message.messageId ?? '')));
      // Written beside, then renamed: whoever reads the folder never sees half a message, and a retry replaces it.
      const partial = `${file}.partial`;
      await fs.writeFile(partial, info.message);
      await fs.rename(partial, file);
      return file;
    },
    close: () => transporter.close(),
  };
}

/** The Message-ID's local part, which is derived from the outbox key: one file per message however often it is tried. */
function emlFileName(messageId: string): string {
  const local = /^<?([^@>]+)/.exec(messageId)?.[1] ?? String(Date.now());
  return `${local.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`;
}
