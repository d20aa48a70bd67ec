'use client';

import { createTagAction } from '@/actions/tags';

import { Field, TextAreaField } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './dashboard-admin.module.css';

/** New tag: name, optional address (made from the name when empty), description. */
export function TagCreateForm() {
  const [state, action, pending] = useFormAction(createTagAction, 'tag-create');
  return (
    <form action={action} className={styles.panel} noValidate aria-labelledby="tag-create-title">
      <FormIdField id="tag-create" />
      <h2 id="tag-create-title">New tag</h2>
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <Field name="name" label="Tag name" defaultValue={state.values?.name} errors={state.fieldErrors?.name} />
      <Field
        name="slug"
        label="Tag address"
        required={false}
        hint="The tag's URL: /tag/address. Leave empty to make it from the name. Fixed once created."
        defaultValue={state.values?.slug}
        errors={state.fieldErrors?.slug}
      />
      <TextAreaField name="description" label="Tag description" required={false} rows={2} defaultValue={state.values?.description} errors={state.fieldErrors?.description} />
      <button type="submit" disabled={pending}>
        Create tag
      </button>
    </form>
  );
}
