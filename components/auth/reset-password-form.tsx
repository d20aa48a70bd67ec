'use client';

import { resetPasswordAction } from '@/actions/password-reset';
import { MIN_PASSWORD_LENGTH } from '@/lib/passwords-policy';

import { Field } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './auth.module.css';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useFormAction(resetPasswordAction, 'reset-password');
  return (
    <form action={action} className={styles.form} noValidate aria-labelledby="reset-title">
      <FormIdField id="reset-password" />
      <h2 id="reset-title">Choose a new password</h2>
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <Field name="password" label="New password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters. Every device signed in to your account will be signed out.`} errors={state.fieldErrors?.password} />
      <Field name="confirmPassword" label="New password again" type="password" autoComplete="new-password" errors={state.fieldErrors?.confirmPassword} />
      <button type="submit" disabled={pending}>
        Set new password
      </button>
    </form>
  );
}
