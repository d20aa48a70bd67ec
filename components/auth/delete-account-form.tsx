'use client';

import { deleteAccountAction } from '@/actions/account-removal';

import { Field } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './auth.module.css';
import leave from './delete-account-form.module.css';

/** The confirm step of leaving (its own page, so it works the same without JavaScript). */
export function DeleteAccountForm() {
  const [state, action, pending] = useFormAction(deleteAccountAction, 'delete-account');
  const choice = state.values?.comments;
  return (
    <form action={action} className={styles.form} noValidate aria-labelledby="delete-title">
      <FormIdField id="delete-account" />
      <h2 id="delete-title">Delete my account</h2>
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <fieldset className={leave.choices} aria-describedby={state.fieldErrors?.comments ? 'comments-error' : undefined}>
        <legend>Your comments</legend>
        <label>
          <input type="radio" name="comments" value="keep" defaultChecked={choice !== 'remove'} /> Keep them, signed “Deleted account”
        </label>
        <label>
          <input type="radio" name="comments" value="remove" defaultChecked={choice === 'remove'} /> Remove them
        </label>
        {state.fieldErrors?.comments && (
          <span id="comments-error" className={formStyles.error}>
            {state.fieldErrors.comments.join(' ')}
          </span>
        )}
      </fieldset>
      <Field name="password" label="Your password" type="password" autoComplete="current-password" hint="This cannot be undone." errors={state.fieldErrors?.password} />
      <button type="submit" disabled={pending} className={leave.danger}>
        Delete my account for good
      </button>
    </form>
  );
}
