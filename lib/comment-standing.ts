/**
 * Whether a person may comment, from the one column that says so: users.comments_suspended_until. A moderator's
 * suspension stores the moment it ends; a ban stores BAN_UNTIL; lifting either stores null. Everything that shows or
 * enforces a reader's standing (the comment form, the refusal, People, the moderation queue) asks commentStanding.
 */

/** A suspension "for good": the date a ban stores, far enough away to be one, still a date the database can hold. */
export const BAN_UNTIL = new Date('9999-12-31T00:00:00Z');

export type CommentStanding =
  | { kind: 'active' }
  /** `until`: when they may comment again (ISO). */
  | { kind: 'suspended'; until: string }
  | { kind: 'banned' };

export const ACTIVE_STANDING: CommentStanding = { kind: 'active' };

/** The standing a stored suspension gives at `now`: an ended suspension is no suspension; BAN_UNTIL (or later) is a ban. */
export function commentStanding(suspendedUntil: Date | null, now: number = Date.now()): CommentStanding {
  if (suspendedUntil === null || suspendedUntil.getTime() <= now) return ACTIVE_STANDING;
  if (suspendedUntil.getTime() >= BAN_UNTIL.getTime()) return { kind: 'banned' };
  return { kind: 'suspended', until: suspendedUntil.toISOString() };
}
