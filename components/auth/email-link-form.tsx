'use client';

import { emailSignInLinkAction } from '@/actions/auth';

import { Field } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './auth.module.css';

/** The login page's second way in, shown only when outgoing mail is configured. */
export function EmailLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useFormAction(emailSignInLinkAction, 'sign-in-link');
  return (
    <form action={action} className={styles.form} noValidate aria-labelledby="email-link-title">
      <FormIdField id="sign-in-link" />
      <h2 id="email-link-title">Or sign in with a link by e-mail</h2>
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
