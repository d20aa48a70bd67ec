/** What a feature hands to the outbox (data/mail-outbox.ts). */
export type MailKind = 'account' | 'notification' | 'newsletter';

export type OutgoingMail = {
  /** Idempotency key, unique per message: for example `verify:<tokenId>` or `newsletter:<issueId>:<subscriptionId>`. */
  key: string;
  kind: MailKind;
  to: string;
  subject: string;
  /** Every message has a plain-text part. */
  text: string;
  html?: string;
  /** Extra headers, for example List-Unsubscribe and List-Unsubscribe-Post for notification and bulk mail. */
  headers?: Record<string, string>;
  newsletterIssueId?: number;
};
