'use client';

import { createSectionAction } from '@/actions/sections';

import { Field, TextAreaField } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './dashboard-admin.module.css';

/** New section: name, optional address (made from the name when empty), description. */
export function SectionCreateForm() {
  const [state, action, pending] = useFormAction(createSectionAction, 'section-create');
  return (
    <form action={action} className={styles.panel} noValidate aria-labelledby="section-create-title">
      <FormIdField id="section-create" />
      <h2 id="section-create-title">Section details</h2>
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <Field name="name" label="Name" hint="As it appears in the navigation, e.g. “Harbour Life”." defaultValue={state.values?.name} errors={state.fieldErrors?.name} />
      <Field
        name="slug"
        label="Address"
        required={false}
        hint="The section's URL: /address. Leave empty to make it from the name. It cannot be changed later, because every article URL in the section starts with it."
        defaultValue={state.values?.slug}
        errors={state.fieldErrors?.slug}
      />
      <TextAreaField name="description" label="Description" required={false} rows={3} hint="Optional; shown on the section front." defaultValue={state.values?.description} errors={state.fieldErrors?.description} />
      <button type="submit" disabled={pending}>
        Create section
      </button>
    </form>
  );
}
