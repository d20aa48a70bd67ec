'use client';

import { Link } from '@/components/ui/link';

import { signInAction } from '@/actions/auth';

import { Field } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './auth.module.css';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useFormAction(signInAction, 'sign-in');
  return (
    <form action={action} className={styles.form} noValidate>
      <FormIdField id="sign-in" />
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="email" label="E-mail address" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" errors={state.fieldErrors?.password} />
      <button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <p>
        <Link href="/forgot-password">Forgotten your password?</Link>
      </p>
      <p>
        New here? <Link href={`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
      </p>
    </form>
  );
}
