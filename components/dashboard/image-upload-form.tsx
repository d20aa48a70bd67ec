'use client';

import { type FormEvent, useState } from 'react';

import { Field } from '@/components/ui/field';
import formStyles from '@/components/ui/form.module.css';
import { ACCEPTED_IMAGE_TYPES, MAX_OUTPUT_DIMENSION, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, UPLOAD_PROBLEM_MESSAGES } from '@/lib/images';
import type { UploadFeedback } from '@/lib/validation/images';

import styles from './image-library.module.css';

/**
 * A plain multipart form posted to /api/images, which answers with a redirect back here (so it works without
 * JavaScript). With JavaScript, a file over the size limit is caught before it is sent; the server checks again.
 */
export function ImageUploadForm({ feedback }: { feedback: UploadFeedback }) {
  const [fileError, setFileError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const fileErrors = fileError ? [fileError] : feedback.fieldErrors.file;
  const hasErrors = Boolean(fileErrors?.length || feedback.fieldErrors.alt?.length || feedback.fieldErrors.credit?.length);
  const hint = `JPEG, PNG, WebP or AVIF, up to ${MAX_UPLOAD_LABEL}. Stored as WebP, at most ${MAX_OUTPUT_DIMENSION} pixels on the longer side, without camera or location data.`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > MAX_UPLOAD_BYTES) {
      event.preventDefault();
      setFileError(UPLOAD_PROBLEM_MESSAGES['too-large']);
      return;
    }
    setFileError(null);
    setSending(true);
  }

  return (
    <form method="post" action="/api/images" encType="multipart/form-data" className={styles.upload} onSubmit={onSubmit} aria-labelledby="upload-title" noValidate>
      <h2 id="upload-title">Upload an image</h2>
      {hasErrors && (
        <p className={formStyles.formError} role="alert">
          The image was not uploaded. {fileErrors?.length ? fileErrors.join(' ') : 'Please correct the highlighted fields.'}
        </p>
      )}
      <p className={formStyles.field}>
        <label htmlFor="file">Image file</label>
        <span id="file-hint" className={formStyles.hint}>
          {hint}
        </span>
        <input
          id="file"
          name="file"
          type="file"
          accept={ACCEPTED_IMAGE_TYPES}
          required
          aria-invalid={fileErrors?.length ? true : undefined}
          aria-describedby={fileErrors?.length ? 'file-hint file-error' : 'file-hint'}
          onChange={() => setFileError(null)}
        />
        {fileErrors?.length ? (
          <span id="file-error" className={formStyles.error}>
            {fileErrors.join(' ')}
          </span>
        ) : null}
      </p>
      <Field name="alt" label="Alternative text" hint="What the picture shows, for readers who cannot see it (up to 300 characters)." defaultValue={feedback.values.alt} errors={feedback.fieldErrors.alt} />
      <Field name="credit" label="Credit (optional)" hint="Photographer or agency, e.g. “Photo: Ada Marsh”." defaultValue={feedback.values.credit} errors={feedback.fieldErrors.credit} required={false} />
      <button type="submit" aria-disabled={sending || undefined}>
        {sending ? 'Uploading…' : 'Upload image'}
      </button>
    </form>
  );
}
