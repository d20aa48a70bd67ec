'use client';

import { updateProfileAction } from '@/actions/account';

import { Field } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './auth.module.css';

export function ProfileForm({ name }: { name: string }) {
  const [state, action, pending] = useFormAction(updateProfileAction, 'profile');
  return (
    <form action={action} className={styles.form} noValidate aria-labelledby="profile-title">
      <FormIdField id="profile" />
      <h2 id="profile-title">Display name</h2>
      {state.ok && (
        <p className={formStyles.formSuccess} role="status">
          Your display name is now {state.values?.name}.
        </p>
      )}
      <Field name="name" label="Display name" hint="Shown beside your comments." autoComplete="nickname" defaultValue={state.values?.name ?? name} errors={state.fieldErrors?.name} />
      <button type="submit" disabled={pending}>
        Save name
      </button>
    </form>
  );
}
