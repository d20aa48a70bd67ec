'use client';

import { renameTagAction } from '@/actions/tags';

import { Field, TextAreaField } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './dashboard-admin.module.css';

/** Rename or re-describe a tag; its address stays. */
export function TagEditForm({ tag }: { tag: { id: number; name: string; slug: string; description: string } }) {
  const [state, action, pending] = useFormAction(renameTagAction, 'tag-edit');
  return (
    <form action={action} className={styles.panel} noValidate aria-labelledby="tag-edit-title">
      <FormIdField id="tag-edit" />
      <h2 id="tag-edit-title">Rename</h2>
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <input type="hidden" name="id" value={tag.id} />
      <p className={styles.muted}>
        Address: <span className={styles.code}>/tag/{tag.slug}</span> (kept when the tag is renamed, so links to it keep working).
      </p>
      <Field name="name" label="Tag name" defaultValue={state.values?.name ?? tag.name} errors={state.fieldErrors?.name} />
      <TextAreaField name="description" label="Tag description" required={false} rows={2} defaultValue={state.values?.description ?? tag.description} errors={state.fieldErrors?.description} />
      <button type="submit" disabled={pending}>
        Save tag
      </button>
    </form>
  );
}
