'use client';

import { changePasswordAction } from '@/actions/account';
import { MIN_PASSWORD_LENGTH } from '@/lib/passwords-policy';

import { Field } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './auth.module.css';

export function PasswordForm() {
  const [state, action, pending] = useFormAction(changePasswordAction, 'change-password');
  return (
    <form action={action} className={styles.form} noValidate aria-labelledby="password-title">
      <FormIdField id="change-password" />
      <h2 id="password-title">Password</h2>
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" errors={state.fieldErrors?.currentPassword} />
      <Field name="password" label="New password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters. Your other devices will be signed out.`} errors={state.fieldErrors?.password} />
      <Field name="confirmPassword" label="New password again" type="password" autoComplete="new-password" errors={state.fieldErrors?.confirmPassword} />
      <button type="submit" disabled={pending}>
        Change password
      </button>
    </form>
  );
}
