'use client';

import { updateSectionAction } from '@/actions/sections';

import { Field, TextAreaField } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './dashboard-admin.module.css';

type Props = { section: { id: number; name: string; slug: string; description: string; position: number } };

/** Edit a section's name, description and position; the address is shown, not editable. */
export function SectionEditForm({ section }: Props) {
  const [state, action, pending] = useFormAction(updateSectionAction, 'section-edit');
  const value = (name: 'name' | 'description' | 'position') => state.values?.[name] ?? String(section[name]);
  return (
    <form action={action} className={styles.panel} noValidate aria-labelledby="section-edit-title">
      <FormIdField id="section-edit" />
      <h2 id="section-edit-title">Details</h2>
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <input type="hidden" name="id" value={section.id} />
      <p className={styles.muted}>
        Address: <span className={styles.code}>/{section.slug}</span> (fixed: changing it would break every link to the section&apos;s articles).
      </p>
      <Field name="name" label="Name" defaultValue={value('name')} errors={state.fieldErrors?.name} />
      <TextAreaField name="description" label="Description" required={false} rows={3} defaultValue={value('description')} errors={state.fieldErrors?.description} />
      <Field name="position" label="Position" type="number" hint="Lower numbers come first in the navigation." defaultValue={value('position')} errors={state.fieldErrors?.position} />
      <button type="submit" disabled={pending}>
        Save section
      </button>
    </form>
  );
}
