'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { requestPasswordReset, resetPassword } from '@/data/password-reset';
import { clientAddress } from '@/lib/client-address';
import { AccountTokenError, TooManyRequestsError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { SPENT_LINK_MESSAGE, forgotPasswordSchema, resetPasswordSchema, tooManyLinksMessage } from '@/lib/validation/auth';

import { formAction, parseWith, refusal, reject } from './define';

// Asking for a link and following one are for anyone: the link itself is the proof.
const nobodyIsRefused = () => ({});

/** Anyone: e-mails a password-reset link. The same answer whether or not the address has an account. */
export const requestPasswordResetAction = formAction({
  name: 'requestPasswordResetAction',
  caller: 'anyone',
  refused: nobodyIsRefused,
  echo: (formData) => ({ values: { email: formText(formData, 'email') } }),
  parse: (formData) => parseWith(forgotPasswordSchema, { email: formText(formData, 'email') }),
  run: async (_nobody, { email }) => requestPasswordReset(email, clientAddress(await headers())),
  refusals: [
    refusal(TooManyRequestsError, (error) => ({ formError: tooManyLinksMessage('reset links', error.retryAfterMinutes) })),
  ],
  // A redirect, not a result: the answer then shows the same with or without JavaScript.
  done: () => redirect('/forgot-password?sent=1'),
});

/** Anyone holding a reset link: sets a new password (every session of the account ends), then on to sign in. */
export const resetPasswordAction = formAction({
  name: 'resetPasswordAction',
  caller: 'anyone',
  refused: nobodyIsRefused,
  // Passwords are never echoed; the token stays in the page's hidden field.
  parse: (formData) => {
    const parsed = parseWith(resetPasswordSchema, { token: formText(formData, 'token'), password: formText(formData, 'password'), confirmPassword: formText(formData, 'confirmPassword') }, {});
    // A mangled token is a link that does not work, like a spent one: the same message, never a field error.
    return !parsed.ok && parsed.answer.fieldErrors?.token ? reject({ ok: false, formError: SPENT_LINK_MESSAGE }) : parsed;
  },
  run: (_nobody, { token, password }) => resetPassword(token, password),
  refusals: [refusal(AccountTokenError, () => ({ formError: SPENT_LINK_MESSAGE }))],
  done: () => redirect('/login?reset=1'),
});
