'use server';

import { redirect } from 'next/navigation';

import { PeopleRuleError, changeUserRole, disableUser, enableUser, signOutUserEverywhere } from '@/data/people';
import { getViewerWith, type Viewer } from '@/data/viewer';
import { type ActionResult, fromZodError } from '@/lib/action-result';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { changeRoleSchema, userIdSchema } from '@/lib/validation/people';

const NOT_ALLOWED = 'Only admins can manage people.';

function refusal(error: unknown, where: string): ActionResult {
  if (error instanceof PeopleRuleError) return { ok: false, formError: error.message };
  if (error instanceof NotFoundError) return { ok: false, formError: 'That account no longer exists.' };
  if (error instanceof ForbiddenError) return { ok: false, formError: NOT_ALLOWED };
  console.error(`${where} failed`, error);
  throw error;
}

/**
 * The simple people actions share one shape: an admin, an account id, one data function, then back to that person's
 * page with what was done (a fresh render, so the page shows the new state with or without JavaScript).
 */
async function runOnPerson(formData: FormData, where: string, done: string, run: (viewer: Viewer, userId: string) => Promise<unknown>): Promise<ActionResult> {
  const viewer = await getViewerWith('user:manage');
  if (!viewer) return { ok: false, formError: NOT_ALLOWED };
  const parsed = userIdSchema.safeParse({ userId: formText(formData, 'userId') });
  if (!parsed.success) return { ok: false, formError: 'That account no longer exists.' };
  try {
    await run(viewer, parsed.data.userId);
  } catch (error) {
    return refusal(error, where);
  }
  // Roles and bans are re-read from the database on every request: nothing cached to invalidate.
  redirect(`/dashboard/people/${parsed.data.userId}?done=${done}`);
}

/** Admins (user:manage): gives an account another role (never their own; never the last admin's). */
export async function changeRoleAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { userId: formText(formData, 'userId'), role: formText(formData, 'role') };
  const viewer = await getViewerWith('user:manage');
  if (!viewer) return { ok: false, formError: NOT_ALLOWED, values };
  const parsed = changeRoleSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await changeUserRole(viewer, parsed.data.userId, parsed.data.role);
  } catch (error) {
    return { ...refusal(error, 'changeRoleAction'), values };
  }
  redirect(`/dashboard/people/${parsed.data.userId}?done=role`);
}

/** Admins (user:manage): disables an account and ends its sessions at once. */
export async function disableUserAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runOnPerson(formData, 'disableUserAction', 'disabled', disableUser);
}

/** Admins (user:manage): re-enables a disabled account. */
export async function enableUserAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runOnPerson(formData, 'enableUserAction', 'enabled', enableUser);
}

/** Admins (user:manage): signs an account out on every device. */
export async function signOutUserEverywhereAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runOnPerson(formData, 'signOutUserEverywhereAction', 'signed-out', signOutUserEverywhere);
}
