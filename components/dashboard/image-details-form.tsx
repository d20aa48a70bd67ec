'use client';

import { updateImageDetailsAction } from '@/actions/images';
import auth from '@/components/auth/auth.module.css';
import { Field } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

/** Edits a library image's alt text and credit (the picture itself never changes: upload a new one instead). */
export function ImageDetailsForm({ id, alt, credit }: { id: number; alt: string; credit: string }) {
  const [state, action, pending] = useFormAction(updateImageDetailsAction, 'image-details');
  return (
    <form action={action} className={auth.form} noValidate aria-labelledby="details-title">
      <FormIdField id="image-details" />
      <h2 id="details-title">Details</h2>
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <input type="hidden" name="id" value={id} />
      <Field name="alt" label="Alternative text" hint="What the picture shows, for readers who cannot see it (up to 300 characters)." defaultValue={state.values?.alt ?? alt} errors={state.fieldErrors?.alt} />
      <Field name="credit" label="Credit (optional)" defaultValue={state.values?.credit ?? credit} errors={state.fieldErrors?.credit} required={false} />
      <button type="submit" disabled={pending}>
        Save details
      </button>
    </form>
  );
}
