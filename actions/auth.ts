'use server';

import { headers } from 'next/headers';

import { signInWithPassword, signOut } from '@/auth';
import { createAccount } from '@/data/accounts';
import { assertNameIsOwn } from '@/data/display-names';
import { assertRegistrationAllowed } from '@/data/throttles';
import type { ActionResult } from '@/lib/action-result';
import { clientAddress } from '@/lib/client-address';
import { EmailTakenError, ImpersonatingNameError, PasswordHashBusyError, RegistrationThrottledError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { registerSchema, safeCallbackPath, signInSchema } from '@/lib/validation/auth';
import { DISPLAY_NAME_TAKEN } from '@/lib/validation/display-names';

import { accept, formAction, parseWith, plainAction, refusal } from './define';

const BUSY = 'Too many people are signing in right now. Please try again in a moment.';
const SIGN_IN_FAILURES = {
  invalid: 'That e-mail address and password do not match an account.',
  throttled: 'Too many sign-in attempts. Please wait a few minutes and try again.',
  busy: BUSY,
} as const;

/** Redirects to the (same-site) callback on success; otherwise says why not. */
async function signInAndRedirect(email: string, password: string, callbackUrl: string): Promise<ActionResult> {
  const failure = await signInWithPassword(email, password, safeCallbackPath(callbackUrl));
  return { ok: false, formError: SIGN_IN_FAILURES[failure], values: { email } };
}

/** A wait in words, rounded up to whole minutes. */
function inMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `about ${minutes} minutes`;
}

// Sign-in and registration are for anyone: there is no viewer to check, and nothing to refuse before the schema.
const nobodyIsRefused = () => ({});

/** Anyone: signs in with e-mail and password, then goes back to the (same-site) callback URL. */
export const signInAction = formAction({
  name: 'signInAction',
  caller: 'anyone',
  refused: nobodyIsRefused,
  echo: (formData) => ({ values: { email: formText(formData, 'email') } }),
  parse: (formData) => {
    const email = formText(formData, 'email');
    const parsed = parseWith(signInSchema, { email, password: formText(formData, 'password') }, { email });
    return parsed.ok ? accept({ ...parsed.input, callbackUrl: formText(formData, 'callbackUrl') }) : parsed;
  },
  // Nothing to write: signing in is the answer itself, a redirect on success, so it comes last.
  run: async (_nobody, input) => input,
  done: ({ email, password, callbackUrl }) => signInAndRedirect(email, password, callbackUrl),
});

/** Anyone: creates a reader account and signs it in. */
export const registerAction = formAction({
  name: 'registerAction',
  caller: 'anyone',
  refused: nobodyIsRefused,
  echo: (formData) => ({ values: { name: formText(formData, 'name'), email: formText(formData, 'email') } }),
  parse: (formData) => {
    const shown = { name: formText(formData, 'name'), email: formText(formData, 'email') };
    const parsed = parseWith(registerSchema, { ...shown, password: formText(formData, 'password'), confirmPassword: formText(formData, 'confirmPassword') }, shown);
    return parsed.ok ? accept({ account: parsed.input, callbackUrl: formText(formData, 'callbackUrl') }) : parsed;
  },
  run: async (_nobody, { account, callbackUrl }) => {
    await assertRegistrationAllowed(clientAddress(await headers()));
    await assertNameIsOwn(account.name);
    await createAccount(account);
    return { ...account, callbackUrl };
  },
  refusals: [
    refusal(EmailTakenError, () => ({ fieldErrors: { email: ['An account with this e-mail address already exists. Sign in instead.'] } })),
    refusal(PasswordHashBusyError, () => ({ formError: BUSY })),
    refusal(ImpersonatingNameError, () => ({ fieldErrors: { name: [DISPLAY_NAME_TAKEN] } })),
    refusal(RegistrationThrottledError, (error) => ({ formError: `Too many new accounts from your network. Please try again in ${inMinutes(error.retryAfterSeconds)}.` })),
  ],
  done: ({ email, password, callbackUrl }) => signInAndRedirect(email, password, callbackUrl),
});

/** Signed-in users: ends this session and goes to the front page. */
export const signOutAction = plainAction({
  name: 'signOutAction',
  caller: 'anyone',
  parse: () => accept(null),
  run: async () => null,
  done: async () => {
    await signOut({ redirectTo: '/' });
  },
});
