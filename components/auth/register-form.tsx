'use client';

import { Link } from '@/components/ui/link';

import { registerAction } from '@/actions/auth';
import { MIN_PASSWORD_LENGTH } from '@/lib/passwords-policy';

import { Field } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './auth.module.css';

export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useFormAction(registerAction, 'register');
  return (
    <form action={action} className={styles.form} noValidate>
      <FormIdField id="register" />
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="name" label="Display name" autoComplete="nickname" hint="Shown beside your comments." defaultValue={state.values?.name} errors={state.fieldErrors?.name} />
      <Field name="email" label="E-mail address" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} errors={state.fieldErrors?.password} />
      <Field name="confirmPassword" label="Password again" type="password" autoComplete="new-password" errors={state.fieldErrors?.confirmPassword} />
      <button type="submit" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
      <p>
        Already have an account? <Link href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </form>
  );
}
