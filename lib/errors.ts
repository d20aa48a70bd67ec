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
