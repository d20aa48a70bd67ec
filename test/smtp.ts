/**
 * A real SMTP server for tests and the load script (smtp-server), on a free loopback port: it parses what it receives
 * (mailparser) and keeps it, and can refuse chosen recipients. `url` goes into SMTP_URL or createMailTransport.
 */
import type { AddressInfo, Socket } from 'node:net';

import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export type Received = { parsed: ParsedMail; envelopeTo: string[]; at: number };

export type TestSmtp = {
  url: string;
  received: Received[];
  /** Times (ms) at which RCPT TO was answered with a refusal, per address. */
  refusals: Map<string, number[]>;
  /** Answers RCPT TO for `address` with this code (4xx or 5xx) and message until unset with null. */
  refuse(address: string, answer: { code: number; message: string } | null): void;
  /** Resolves once `count` messages have arrived in all (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
};

export type TestSmtpOptions = {
  /** Parse every message (default) or read only its Message-ID (the load script, which only counts). */
  parse?: boolean;
  /** Also hands each message over as it arrived (the journeys' server files them for the browser tests). */
  onMessage?: (raw: Buffer) => void;
};

export async function startTestSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const parse = options.parse ?? true;
  const received: Received[] = [];
  const refused = new Map<string, { code: number; message: string }>();
  const refusals = new Map<string, number[]>();
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    // The load script's workers open several connections at once.
    maxClients: 100,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const answer = refused.get(address.address.toLowerCase());
      if (!answer) return callback();
      refusals.set(address.address.toLowerCase(), [...(refusals.get(address.address.toLowerCase()) ?? []), Date.now()]);
      const error = Object.assign(new Error(answer.message), { responseCode: answer.code });
      callback(error);
    },
    onData(stream, session, callback) {
      const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        options.onMessage?.(raw);
        // The load script counts Message-IDs only: reading the header is enough, and far cheaper than parsing.
        const parsing = parse ? simpleParser(raw) : Promise.resolve(headerOnly(raw));
        parsing.then(
          (parsed) => {
            received.push({ parsed, envelopeTo, at: Date.now() });
            for (const wake of waiters) wake();
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // Replies leave at once: with Nagle's algorithm a loopback conversation waits on delayed ACKs at every turn.
  server.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refusals,
    refuse(address, answer) {
      if (answer) refused.set(address.toLowerCase(), answer);
      else refused.delete(address.toLowerCase());
    },
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(received.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages, received ${received.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Message-ID of a raw message, as a ParsedMail with nothing else (for counting only). */
function headerOnly(raw: Buffer): ParsedMail {
  const head = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('latin1');
  const messageId = /^message-id:\s*(\S+)/im.exec(head)?.[1];
  return { messageId, attachments: [], headers: new Map(), headerLines: [], html: false } as ParsedMail;
}
