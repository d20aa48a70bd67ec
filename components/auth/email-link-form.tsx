'use client';

import { useActionState } from 'react';

import { emailSignInLinkAction } from '@/actions/auth';
import { initialActionResult } from '@/lib/action-result';

import { Field } from '@/components/ui/field';
import formStyles from '@/components/ui/form.module.css';

import styles from './auth.module.css';

/** The login page's second way in, shown only when outgoing mail is configured. */
export function EmailLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(emailSignInLinkAction, initialActionResult);
  return (
    <form action={action} className={styles.form} noValidate aria-labelledby="email-link-title">
      <h2 id="email-link-title">Or sign in without a password</h2>
      {state.ok && (
        <p className={formStyles.formSuccess} role="status">
          If {state.values?.email} belongs to an account, a sign-in link is on its way. It works once, for 15 minutes.
        </p>
      )}
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="email" id="link-email" label="Send the link to" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <button type="submit" disabled={pending}>
        E-mail me a sign-in link
      </button>
    </form>
  );
}
