import { UPLOAD_PROBLEM_MESSAGES, type PictureUses, type UploadProblem } from '@/lib/images';
import type { ReviewProblem } from '@/lib/review';

/**
 * Domain errors the data layer throws and actions map to messages. Anything else is a bug: actions log and rethrow
 * it, and the browser only ever sees the error page's digest.
 */

/** The caller may not do this (anonymous, missing capability, not the owner, disabled). */
export class ForbiddenError extends Error {
  constructor(message = 'forbidden') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The thing asked for does not exist (or the caller may not know that it does). */
export class NotFoundError extends Error {
  constructor(message = 'not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A save based on an outdated version: somebody else changed it first. */
export class ConflictError extends Error {
  constructor(
    readonly currentVersion: number,
    message = 'conflict',
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Input that passed the schema but breaks a rule only the database can check (a taken slug, a reserved name). */
export class InvalidInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/*
 * The refusals of one area each. The data layer throws them; the area's actions map them to messages (actions/*.ts),
 * so a reason never travels to the browser as an error's text.
 */

/** Registration: an account already uses this e-mail address. */
export class EmailTakenError extends Error {
  constructor() {
    super('email taken');
    this.name = 'EmailTakenError';
  }
}

/** Registration: this client has registered too many accounts lately; it may try again after `retryAfterSeconds`. */
export class RegistrationThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('registration throttled');
    this.name = 'RegistrationThrottledError';
  }
}

/** Display names: the name is another (staff) person's or a reserved word, and would pass for them. */
export class ImpersonatingNameError extends Error {
  constructor() {
    super('impersonating name');
    this.name = 'ImpersonatingNameError';
  }
}

/** Password change: the current password given is not the account's. */
export class WrongPasswordError extends Error {
  constructor() {
    super('wrong password');
    this.name = 'WrongPasswordError';
  }
}

/**
 * Passwords: too many hashes are running and waiting already (lib/password-pool.ts); the person is asked to try again
 * in a moment, and nothing was checked or changed.
 */
export class PasswordHashBusyError extends Error {
  constructor() {
    super('password hashing busy');
    this.name = 'PasswordHashBusyError';
  }
}

/** People: a guard rail refused the change; `message` is written for the admin who asked. */
export class PeopleRuleError extends Error {
  constructor(
    readonly reason: 'self' | 'last-admin',
    message: string,
  ) {
    super(message);
    this.name = 'PeopleRuleError';
  }
}

/** Review loop: a refusal the review forms report on the page (lib/review.ts REVIEW_PROBLEMS says it in words). */
export class ReviewRuleError extends Error {
  constructor(readonly problem: ReviewProblem) {
    super(problem);
    this.name = 'ReviewRuleError';
  }
}

/** Sections: the section cannot be deleted while articles are filed in it. */
export class SectionInUseError extends Error {
  constructor(readonly articleCount: number) {
    super('section in use');
    this.name = 'SectionInUseError';
  }
}

export type CommentRefusal =
  | 'not-found'
  | 'closed'
  | 'rate-limited'
  | 'duplicate'
  | 'bad-parent'
  | 'not-allowed'
  | 'suspended'
  | 'banned'
  | 'own-comment'
  | 'already-liked'
  | 'not-liked'
  | 'already-reported';

/** Comments: why a post, edit, like or report was refused. */
export class CommentRefusedError extends Error {
  constructor(
    readonly reason: CommentRefusal,
    /** For 'suspended': when the author may comment again (ISO). */
    readonly until: string | null = null,
  ) {
    super(reason);
    this.name = 'CommentRefusedError';
  }
}

/** Front-page desk: the front already holds as many pinned stories as it may. */
export class FrontFullError extends Error {
  constructor(readonly limit: number) {
    super(`This front holds ${limit} pinned stories at most.`);
    this.name = 'FrontFullError';
  }
}

/** Image library: a picture that something still uses cannot be deleted; the uses say where. */
export class ImageInUseError extends Error {
  constructor(readonly uses: PictureUses) {
    super('The picture is in use.');
    this.name = 'ImageInUseError';
  }
}

/** Image library: a file it will not take, with a message fit for the person who uploaded it. */
export class ImageRejectedError extends Error {
  constructor(readonly reason: UploadProblem) {
    super(UPLOAD_PROBLEM_MESSAGES[reason]);
    this.name = 'ImageRejectedError';
  }
}

/** Newsletters: this client asked for too many subscriptions lately (`retryAfterMinutes`: the real wait). */
export class NewsletterThrottledError extends Error {
  constructor(readonly retryAfterMinutes: number) {
    super('newsletter throttled');
    this.name = 'NewsletterThrottledError';
  }
}

/** Newsletters: the issue cannot change or be sent in its present state (already sent, being sent). */
export class NewsletterIssueStateError extends Error {
  constructor(readonly status: 'scheduled' | 'sending' | 'sent' | 'draft') {
    super(`issue is ${status}`);
    this.name = 'NewsletterIssueStateError';
  }
}

/** A link sent by e-mail that cannot be used: unknown, already used or expired (one answer for all three). */
export class AccountTokenError extends Error {
  constructor() {
    super('account token unusable');
    this.name = 'AccountTokenError';
  }
}

/** Too many requests of one kind from one address or for one account: the answer says how long to wait. */
export class TooManyRequestsError extends Error {
  constructor(readonly retryAfterMinutes: number) {
    super('too many requests');
    this.name = 'TooManyRequestsError';
  }
}
