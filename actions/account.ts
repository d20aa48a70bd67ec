'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { signInWithPassword, signOut } from '@/auth';
import { WrongPasswordError, changePassword, revokeAllSessions, updateDisplayName } from '@/data/accounts';
import { requireUser } from '@/data/viewer';
import { type ActionResult, fromZodError } from '@/lib/action-result';
import { formText } from '@/lib/form-data';
import { changePasswordSchema, profileSchema } from '@/lib/validation/auth';

/** Signed-in users: changes their own display name. */
export async function updateProfileAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const viewer = await requireUser('/account');
  const values = { name: formText(formData, 'name') };
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  await updateDisplayName(viewer.id, parsed.data.name);
  // The name appears in the masthead of every page this visitor sees (never in shared cached output).
  revalidatePath('/', 'layout');
  return { ok: true, values: { name: parsed.data.name } };
}

/** Signed-in users: changes their own password, signs out their other sessions, and signs this one in again. */
export async function changePasswordAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const viewer = await requireUser('/account');
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formText(formData, 'currentPassword'),
    password: formText(formData, 'password'),
    confirmPassword: formText(formData, 'confirmPassword'),
  });
  if (!parsed.success) return fromZodError(parsed.error, {});
  let email: string;
  try {
    ({ email } = await changePassword(viewer.id, parsed.data.currentPassword, parsed.data.password));
  } catch (error) {
    if (error instanceof WrongPasswordError) return { ok: false, fieldErrors: { currentPassword: ['That is not your current password.'] } };
    throw error;
  }
  // The old session is now invalid everywhere; a fresh one for this browser (redirects on success).
  await signInWithPassword(email, parsed.data.password, '/account?changed=password');
  redirect('/login?callbackUrl=%2Faccount');
}

/** Signed-in users: signs out every session of their account, on every device, then this one. */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await requireUser('/account');
  await revokeAllSessions(viewer.id);
  await signOut({ redirectTo: '/' });
}
