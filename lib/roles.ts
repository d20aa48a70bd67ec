/** Account roles, least to most trusted; the database enum is built from this list. */
export const USER_ROLES = ['reader', 'contributor', 'editor', 'admin'] as const;

export type UserRole = (typeof USER_ROLES)[number];

/** The newsroom's roles (contributor and above): their names may not be taken by anyone else. */
export const STAFF_ROLES = USER_ROLES.filter((role): role is Exclude<UserRole, 'reader'> => role !== 'reader');
