'use client';

import { requestEmailChangeAction } from '@/actions/account-email';

import { Field } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './auth.module.css';

export function ChangeEmailForm() {
  const [state, action, pending] = useFormAction(requestEmailChangeAction, 'change-email');
  return (
    <form action={action} className={styles.form} noValidate aria-labelledby="change-email-title">
      <FormIdField id="change-email" />
      <h3 id="change-email-title">Change your address</h3>
      {state.ok && (
        <p className={formStyles.formSuccess} role="status">
          We have sent a link to {state.values?.email}. Your address changes once you follow it.
        </p>
      )}
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <Field id="new-email" name="email" label="New e-mail address" type="email" autoComplete="email" defaultValue={state.ok ? '' : state.values?.email} errors={state.fieldErrors?.email} />
      <Field id="change-email-password" name="currentPassword" label="Your password" type="password" autoComplete="current-password" errors={state.fieldErrors?.currentPassword} />
      <button type="submit" disabled={pending}>
        Change address
      </button>
    </form>
  );
}
