/** Account roles, least to most trusted; the database enum is built from this list. */
export const USER_ROLES = ['reader', 'contributor', 'editor', 'admin'] as const;

export type UserRole = (typeof USER_ROLES)[number];
