'use server';

import { signInWithPassword, signOut } from '@/auth';
import { EmailTakenError, createAccount } from '@/data/accounts';
import { type ActionResult, fromZodError } from '@/lib/action-result';
import { formText } from '@/lib/form-data';
import { registerSchema, safeCallbackPath, signInSchema } from '@/lib/validation/auth';

async function signInAndRedirect(email: string, password: string, callbackUrl: string): Promise<ActionResult> {
  const failure = await signInWithPassword(email, password, safeCallbackPath(callbackUrl));
  return {
    ok: false,
    formError:
      failure === 'throttled' ? 'Too many sign-in attempts. Please wait a few minutes and try again.' : 'That e-mail address and password do not match an account.',
    values: { email },
  };
}

/** Anyone: signs in with e-mail and password, then goes back to the (same-site) callback URL. */
export async function signInAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { email: formText(formData, 'email') };
  const parsed = signInSchema.safeParse({ email: values.email, password: formText(formData, 'password') });
  if (!parsed.success) return fromZodError(parsed.error, values);
  return signInAndRedirect(parsed.data.email, parsed.data.password, formText(formData, 'callbackUrl'));
}

/** Anyone: creates a reader account and signs it in. */
export async function registerAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { name: formText(formData, 'name'), email: formText(formData, 'email') };
  const parsed = registerSchema.safeParse({ ...values, password: formText(formData, 'password'), confirmPassword: formText(formData, 'confirmPassword') });
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await createAccount(parsed.data);
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return { ok: false, fieldErrors: { email: ['An account with this e-mail address already exists. Sign in instead.'] }, values };
    }
    throw error;
  }
  return signInAndRedirect(parsed.data.email, parsed.data.password, formText(formData, 'callbackUrl'));
}

/** Signed-in users: ends this session and goes to the front page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
