'use server';

import { redirect } from 'next/navigation';

import { changeUserRole, disableUser, enableUser, signOutUserEverywhere } from '@/data/people';
import { ForbiddenError, NotFoundError, PeopleRuleError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { changeRoleSchema, userIdSchema } from '@/lib/validation/people';

import { accept, formAction, parseWith, refusal, reject } from './define';

/*
 * Each answers an admin with a redirect back to that person's page saying what was done (a fresh render, so the page
 * shows the new state with or without JavaScript). Roles and bans are re-read from the database on every request:
 * nothing cached to invalidate.
 */

const NOT_ALLOWED = 'Only admins can manage people.';
const GONE = 'That account no longer exists.';
const refused = () => ({ formError: NOT_ALLOWED });
const refusals = [
  // The guard rail's message is written for the admin who asked (data/people.ts).
  refusal(PeopleRuleError, (error) => ({ formError: error.message })),
  refusal(NotFoundError, () => ({ formError: GONE })),
  refusal(ForbiddenError, refused),
];

const personPath = (userId: string, done: string) => `/dashboard/people/${userId}?done=${done}`;

function parsePerson(formData: FormData) {
  const parsed = userIdSchema.safeParse({ userId: formText(formData, 'userId') });
  return parsed.success ? accept(parsed.data) : reject({ formError: GONE });
}

/** Admins (user:manage): gives an account another role (never their own; never the last admin's). */
export const changeRoleAction = formAction({
  name: 'changeRoleAction',
  caller: 'user:manage',
  refused,
  echo: (formData) => ({ values: { userId: formText(formData, 'userId'), role: formText(formData, 'role') } }),
  parse: (formData) => parseWith(changeRoleSchema, { userId: formText(formData, 'userId'), role: formText(formData, 'role') }),
  run: (viewer, { userId, role }) => changeUserRole(viewer, userId, role),
  refusals,
  done: (_changed, { userId }) => redirect(personPath(userId, 'role')),
});

/** Admins (user:manage): disables an account and ends its sessions at once. */
export const disableUserAction = formAction({
  name: 'disableUserAction',
  caller: 'user:manage',
  refused,
  parse: parsePerson,
  run: (viewer, { userId }) => disableUser(viewer, userId),
  refusals,
  done: (_disabled, { userId }) => redirect(personPath(userId, 'disabled')),
});

/** Admins (user:manage): re-enables a disabled account. */
export const enableUserAction = formAction({
  name: 'enableUserAction',
  caller: 'user:manage',
  refused,
  parse: parsePerson,
  run: (viewer, { userId }) => enableUser(viewer, userId),
  refusals,
  done: (_enabled, { userId }) => redirect(personPath(userId, 'enabled')),
});

/** Admins (user:manage): signs an account out on every device. */
export const signOutUserEverywhereAction = formAction({
  name: 'signOutUserEverywhereAction',
  caller: 'user:manage',
  refused,
  parse: parsePerson,
  run: (viewer, { userId }) => signOutUserEverywhere(viewer, userId),
  refusals,
  done: (_signedOut, { userId }) => redirect(personPath(userId, 'signed-out')),
});
