'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { signInWithPassword, signOut } from '@/auth';
import { changePassword, revokeAllSessions, updateDisplayName } from '@/data/accounts';
import { ImpersonatingNameError, PasswordHashBusyError, WrongPasswordError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { changePasswordSchema, profileSchema } from '@/lib/validation/auth';
import { DISPLAY_NAME_TAKEN } from '@/lib/validation/display-names';

import { accept, formAction, parseWith, plainAction, refusal } from './define';

/** A session that ended meanwhile: sign in again, then back to the account page. */
const signInAgain = (): never => redirect('/login?callbackUrl=%2Faccount');

/** Signed-in users: changes their own display name. */
export const updateProfileAction = formAction({
  name: 'updateProfileAction',
  caller: 'signed-in',
  refused: signInAgain,
  parse: (formData) => parseWith(profileSchema, { name: formText(formData, 'name') }),
  run: async (viewer, { name }) => {
    await updateDisplayName(viewer.id, name);
    return name;
  },
  refusals: [refusal(ImpersonatingNameError, () => ({ fieldErrors: { name: [DISPLAY_NAME_TAKEN] } }))],
  done: (name) => {
    // The name appears in the masthead of every page this visitor sees (never in shared cached output).
    revalidatePath('/', 'layout');
    return { ok: true, values: { name } };
  },
});

/** Signed-in users: changes their own password, signs out their other sessions, and signs this one in again. */
export const changePasswordAction = formAction({
  name: 'changePasswordAction',
  caller: 'signed-in',
  refused: signInAgain,
  // Passwords are never echoed: the field errors go back with no values.
  parse: (formData) =>
    parseWith(changePasswordSchema, { currentPassword: formText(formData, 'currentPassword'), password: formText(formData, 'password'), confirmPassword: formText(formData, 'confirmPassword') }, {}),
  run: async (viewer, { currentPassword, password }) => ({ ...(await changePassword(viewer.id, currentPassword, password)), password }),
  refusals: [
    refusal(WrongPasswordError, () => ({ fieldErrors: { currentPassword: ['That is not your current password.'] } })),
    refusal(PasswordHashBusyError, () => ({ formError: 'Too many people are signing in right now. Please try again in a moment.' })),
  ],
  done: async ({ email, password }) => {
    // The old session is now invalid everywhere; a fresh one for this browser (redirects on success).
    await signInWithPassword(email, password, '/account?changed=password');
    return signInAgain();
  },
});

/** Signed-in users: signs out every session of their account, on every device, then this one. */
export const signOutEverywhereAction = plainAction({
  name: 'signOutEverywhereAction',
  caller: 'signed-in',
  refused: () => '/login?callbackUrl=%2Faccount',
  parse: () => accept(null),
  run: (viewer) => revokeAllSessions(viewer.id),
  done: async () => {
    await signOut({ redirectTo: '/' });
  },
});
