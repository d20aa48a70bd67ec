'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { requestSignInLink, signInWithPassword, signOut, type SignInFailure } from '@/auth';
import { assertNameIsOwn } from '@/data/display-names';
import { throttleMailRequest } from '@/data/mail-request-throttle';
import { registerAccount } from '@/data/registration';
import { assertRegistrationAllowed } from '@/data/throttles';
import type { ActionResult } from '@/lib/action-result';
import { clientAddress } from '@/lib/client-address';
import { ImpersonatingNameError, PasswordHashBusyError, RegistrationThrottledError, TooManyRequestsError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { isSignInLinkOffered } from '@/lib/mail/offers';
import { forgotPasswordSchema, registerSchema, safeCallbackPath, signInSchema, tooManyLinksMessage } from '@/lib/validation/auth';
import { DISPLAY_NAME_TAKEN } from '@/lib/validation/display-names';

import { accept, formAction, parseWith, plainAction, refusal, reject } from './define';

const BUSY = 'Too many people are signing in right now. Please try again in a moment.';

/** A wait in words, rounded up to whole minutes. */
function inMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `about ${minutes} minutes`;
}

/** What the sign-in form says when it did not sign in: never which of address and password was wrong. */
function signInFailureMessage(failure: SignInFailure): string {
  if (failure.reason === 'busy') return BUSY;
  if (failure.reason === 'throttled') return `Too many sign-in attempts for this account from your network. Please try again in ${inMinutes(failure.retryAfterMinutes * 60)}, or reset your password by e-mail.`;
  return 'That e-mail address and password do not match an account.';
}

/** Redirects to the (same-site) callback on success; otherwise says why not. */
async function signInAndRedirect(email: string, password: string, callbackUrl: string): Promise<ActionResult> {
  const failure = await signInWithPassword(email, password, safeCallbackPath(callbackUrl));
  return { ok: false, formError: signInFailureMessage(failure), values: { email } };
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

/**
 * Anyone: creates a reader account (unverified) and says "check your inbox". It never signs in: the answer is the
 * same whether or not the address already had an account, and an automatic sign-in would tell the two apart.
 */
export const registerAction = formAction({
  name: 'registerAction',
  caller: 'anyone',
  refused: nobodyIsRefused,
  echo: (formData) => ({ values: { name: formText(formData, 'name'), email: formText(formData, 'email') } }),
  parse: (formData) => {
    const shown = { name: formText(formData, 'name'), email: formText(formData, 'email') };
    const parsed = parseWith(registerSchema, { ...shown, password: formText(formData, 'password'), confirmPassword: formText(formData, 'confirmPassword') }, shown);
    return parsed.ok ? accept({ account: parsed.input, callbackUrl: safeCallbackPath(formText(formData, 'callbackUrl')) }) : parsed;
  },
  run: async (_nobody, { account, callbackUrl }) => {
    await assertRegistrationAllowed(clientAddress(await headers()));
    await assertNameIsOwn(account.name);
    await registerAccount(account);
    return callbackUrl;
  },
  refusals: [
    refusal(PasswordHashBusyError, () => ({ formError: BUSY })),
    refusal(ImpersonatingNameError, () => ({ fieldErrors: { name: [DISPLAY_NAME_TAKEN] } })),
    refusal(RegistrationThrottledError, (error) => ({ formError: `Too many new accounts from your network. Please try again in ${inMinutes(error.retryAfterSeconds)}.` })),
  ],
  // A redirect, not a result: the answer then shows the same with or without JavaScript.
  done: (callbackUrl) => redirect(`/register?sent=1&callbackUrl=${encodeURIComponent(callbackUrl)}`),
});

/**
 * Anyone, when outgoing mail is configured: e-mails a link that signs in without a password (Auth.js's e-mail
 * provider; the message is queued). The same answer whether or not the address has an account.
 */
export const emailSignInLinkAction = formAction({
  name: 'emailSignInLinkAction',
  caller: 'anyone',
  refused: nobodyIsRefused,
  echo: (formData) => ({ values: { email: formText(formData, 'email') } }),
  parse: (formData) => {
    if (!isSignInLinkOffered()) return reject({ formError: 'Signing in by e-mail link is not available on this site.' });
    const parsed = parseWith(forgotPasswordSchema, { email: formText(formData, 'email') });
    return parsed.ok ? accept({ ...parsed.input, callbackUrl: safeCallbackPath(formText(formData, 'callbackUrl')) }) : parsed;
  },
  run: async (_nobody, { email, callbackUrl }) => {
    await throttleMailRequest('signin-link', email, clientAddress(await headers()));
    await requestSignInLink(email, callbackUrl);
    return email;
  },
  refusals: [
    refusal(TooManyRequestsError, (error) => ({ formError: tooManyLinksMessage('sign-in links', error.retryAfterMinutes) })),
  ],
  done: (email) => ({ ok: true, values: { email } }),
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
