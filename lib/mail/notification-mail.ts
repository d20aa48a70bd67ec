import { threadSearch } from '@/lib/comment-order';
import { composeMail } from '@/lib/mail/compose';
import type { MailBlock } from '@/lib/mail/compose';
import { listUnsubscribeHeaders, unsubscribeUrl } from '@/lib/mail/list-tokens';
import type { OutgoingMail } from '@/lib/mail/message';

/** One thing to tell a reader: a reply to their comment, or a moderator's decision on their held comment. */
export type NotificationItem = {
  kind: 'reply' | 'approved' | 'rejected';
  commentId: number;
  body: string;
  /** Who wrote the reply (null once their account is gone). */
  authorName: string | null;
  headline: string;
  /** /section/slug */
  articlePath: string;
};

const QUOTE_LENGTH = 200;

/** The start of a comment, cut at a word, for the message (the whole comment is one click away). */
export function shortQuote(body: string): string {
  const text = body.trim().replace(/\s+/g, ' ');
  if (text.length <= QUOTE_LENGTH) return text;
  const cut = text.slice(0, QUOTE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > QUOTE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The comment's permalink on its story's page (the same form as the thread's own "link to this comment"). */
export function commentUrl(siteUrl: string, articlePath: string, commentId: number): string {
  return new URL(`${articlePath}${threadSearch({ focus: commentId })}#comment-${commentId}`, siteUrl).toString();
}

function blocksOf(item: NotificationItem, siteUrl: string): MailBlock[] {
  const link = { link: { label: `Read it on “${item.headline}”`, url: commentUrl(siteUrl, item.articlePath, item.commentId) } };
  if (item.kind === 'reply') return [{ paragraph: `${item.authorName ?? 'A reader'} replied on “${item.headline}”:` }, { quote: shortQuote(item.body) }, link];
  if (item.kind === 'approved') return [{ paragraph: `Your comment on “${item.headline}” was approved and is now published:` }, { quote: shortQuote(item.body) }, link];
  return [{ paragraph: `Your comment on “${item.headline}” was not published by the moderators:` }, { quote: shortQuote(item.body) }];
}

function subjectOf(items: readonly NotificationItem[]): string {
  const replies = items.filter((item) => item.kind === 'reply').length;
  const decisions = items.length - replies;
  const parts = [
    replies > 0 ? (replies === 1 ? 'A new reply to your comment' : `${replies} new replies to your comments`) : null,
    decisions > 0 ? (decisions === 1 ? 'a moderator’s decision on your comment' : `moderators’ decisions on ${decisions} of your comments`) : null,
  ].filter((part): part is string => part !== null);
  const subject = parts.join(' and ');
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}

/**
 * The one message a reader gets for everything pending (replies first, oldest first). It can be left in one click:
 * the reply notices when it tells of replies, else the moderation notices.
 */
export function notificationMail(input: { key: string; to: string; siteName: string; siteUrl: string; items: readonly NotificationItem[] }): OutgoingMail {
  const hasReplies = input.items.some((item) => item.kind === 'reply');
  const unsubscribe = unsubscribeUrl(input.to, hasReplies ? 'replies' : 'moderation');
  const body = composeMail({
    siteName: input.siteName,
    heading: subjectOf(input.items),
    blocks: input.items.flatMap((item) => blocksOf(item, input.siteUrl)),
    footer: `You get these e-mails because you asked for them. Change what you get on ${new URL('/account', input.siteUrl).toString()}, or unsubscribe from ${hasReplies ? 'reply notices' : 'moderation notices'}:`,
    unsubscribeUrl: unsubscribe,
  });
  return { key: input.key, kind: 'notification', to: input.to, subject: subjectOf(input.items), ...body, headers: listUnsubscribeHeaders(unsubscribe) };
}
