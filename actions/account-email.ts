'use server';

import { redirect } from 'next/navigation';

import { confirmEmailChange, requestEmailChange } from '@/data/email-change';
import { resendVerification, verifyEmailAddress } from '@/data/registration';
import { AccountTokenError, EmailTakenError, WrongPasswordError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { changeEmailSchema, confirmTokenSchema } from '@/lib/validation/auth';

import { accept, formAction, parseWith, plainAction, refusal, reject } from './define';

/** A session that ended meanwhile: sign in again, then back to the account page. */
const signInAgain = (): never => redirect('/login?callbackUrl=%2Faccount');

/** The token of a confirm form, or the page's "this link does not work" answer. */
function tokenOf(formData: FormData, failed: string) {
  const parsed = confirmTokenSchema.safeParse({ token: formText(formData, 'token') });
  return parsed.success ? accept(parsed.data.token) : reject(failed);
}

/** Signed-in readers whose address is unconfirmed: queues a new confirmation link. */
export const resendVerificationAction = plainAction({
  name: 'resendVerificationAction',
  caller: 'signed-in',
  refused: () => '/login?callbackUrl=%2Faccount',
  parse: () => accept(null),
  run: (viewer) => resendVerification(viewer.id),
  done: () => redirect('/account?sent=verification'),
});

/** Anyone holding the link: confirms the address of a new account. */
export const verifyEmailAction = plainAction({
  name: 'verifyEmailAction',
  caller: 'anyone',
  parse: (formData) => tokenOf(formData, '/account/verify-email?failed=1'),
  run: (_nobody, token) => verifyEmailAddress(token),
  refusals: [refusal(AccountTokenError, () => '/account/verify-email?failed=1')],
  done: () => redirect('/account/verify-email?done=1'),
});

/** Signed-in users: asks to move their account to a new address (confirmed from that address). */
export const requestEmailChangeAction = formAction({
  name: 'requestEmailChangeAction',
  caller: 'signed-in',
  refused: signInAgain,
  echo: (formData) => ({ values: { email: formText(formData, 'email') } }),
  parse: (formData) => parseWith(changeEmailSchema, { currentPassword: formText(formData, 'currentPassword'), email: formText(formData, 'email') }, { email: formText(formData, 'email') }),
  run: async (viewer, { currentPassword, email }) => {
    await requestEmailChange(viewer.id, currentPassword, email);
    return email;
  },
  refusals: [
    refusal(WrongPasswordError, () => ({ fieldErrors: { currentPassword: ['That is not your current password.'] } })),
  ],
  done: (email) => ({ ok: true, values: { email } }),
});

/** Anyone holding the link sent to the new address: moves the account to it. */
export const confirmEmailChangeAction = plainAction({
  name: 'confirmEmailChangeAction',
  caller: 'anyone',
  parse: (formData) => tokenOf(formData, '/account/confirm-email?failed=spent'),
  run: (_nobody, token) => confirmEmailChange(token),
  refusals: [refusal(AccountTokenError, () => '/account/confirm-email?failed=spent'), refusal(EmailTakenError, () => '/account/confirm-email?failed=taken')],
  done: () => redirect('/account/confirm-email?done=1'),
});
