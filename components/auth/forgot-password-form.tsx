'use client';

import { requestPasswordResetAction } from '@/actions/password-reset';

import { Field } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './auth.module.css';

export function ForgotPasswordForm() {
  const [state, action, pending] = useFormAction(requestPasswordResetAction, 'forgot-password');
  return (
    <form action={action} className={styles.form} noValidate>
      <FormIdField id="forgot-password" />
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <Field name="email" label="E-mail address" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <button type="submit" disabled={pending}>
        E-mail me a reset link
      </button>
    </form>
  );
}
