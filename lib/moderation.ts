import { countLinks } from './comment-text';

/** Pre-moderation rules (configurable here): what waits for a moderator before anyone else sees it. */
export const MODERATION = {
  /** A new account's first comments wait for approval. */
  firstCommentsHeld: 2,
  /** More links than this and the comment waits. */
  maxLinks: 2,
  /** Words that hold a comment for review (lower case, whole words). */
  heldWords: ['viagra', 'casino', 'crypto-giveaway', 'bitcoin-doubler'],
  /** Comments close by themselves this many days after publication. */
  closeAfterDays: 30,
  /** Per user. */
  perMinute: 5,
} as const;

/** How a kept comment whose author deleted their account is signed. */
export const DELETED_ACCOUNT_NAME = 'Deleted account';

export type HoldReason = 'unverified' | 'new-account' | 'links' | 'words';

/**
 * Why a new comment should wait for a moderator, or null to publish it at once. A reader who has not confirmed their
 * e-mail address yet is held whatever they write.
 */
export function holdReason(body: string, approvedCommentsByAuthor: number, isVerified: boolean): HoldReason | null {
  if (!isVerified) return 'unverified';
  if (approvedCommentsByAuthor < MODERATION.firstCommentsHeld) return 'new-account';
  if (countLinks(body) > MODERATION.maxLinks) return 'links';
  const words = new Set(body.toLowerCase().split(/[^\p{L}\p{N}-]+/u));
  if (MODERATION.heldWords.some((word) => words.has(word))) return 'words';
  return null;
}

export function commentsOpen(publishedAt: Date, isClosed: boolean, now = Date.now()): boolean {
  return !isClosed && now - publishedAt.getTime() < MODERATION.closeAfterDays * 86_400_000;
}
