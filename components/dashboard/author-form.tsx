'use client';

import { createAuthorAction, updateAuthorAction } from '@/actions/authors';
import auth from '@/components/auth/auth.module.css';
import { Field, SelectField, TextAreaField } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './author-form.module.css';

export type AuthorFormValues = { id?: number; name: string; slug: string; jobTitle: string; bio: string; avatarImageId: string; userId: string };

/** Creates (no id) or edits an author profile. The picture comes from the image library, shown with its alt text. */
export function AuthorForm({
  author,
  imageChoices,
  userChoices,
}: {
  author: AuthorFormValues;
  imageChoices: { id: number; alt: string; src: string }[];
  userChoices: { id: string; name: string; role: string }[];
}) {
  const [state, action, pending] = useFormAction(author.id ? updateAuthorAction : createAuthorAction, 'author');
  const value = (name: keyof Omit<AuthorFormValues, 'id'>) => state.values?.[name] ?? author[name];
  const avatarErrors = state.fieldErrors?.avatarImageId;
  const chosenAvatar = value('avatarImageId');

  return (
    <form action={action} className={`${auth.form} ${styles.form}`} noValidate aria-labelledby="author-form-title">
      <FormIdField id="author" />
      <h2 id="author-form-title" className="visually-hidden">
        Profile
      </h2>
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      {author.id && <input type="hidden" name="id" value={author.id} />}
      <Field name="name" label="Name" hint="As it appears in bylines." defaultValue={value('name')} errors={state.fieldErrors?.name} />
      <Field
        name="slug"
        label="Address"
        hint={author.id ? 'The profile lives at /author/{address}. Changing it breaks links to the old address.' : 'The profile will live at /author/{address}. Leave empty to make one from the name.'}
        defaultValue={value('slug')}
        errors={state.fieldErrors?.slug}
        required={Boolean(author.id)}
      />
      <Field name="jobTitle" label="Job title (optional)" hint="For example “Politics correspondent”." defaultValue={value('jobTitle')} errors={state.fieldErrors?.jobTitle} required={false} />
      <TextAreaField name="bio" label="Biography (optional)" hint="A few sentences, shown on the author’s page (up to 2,000 characters)." defaultValue={value('bio')} errors={state.fieldErrors?.bio} required={false} rows={5} />

      <fieldset className={styles.avatars} aria-describedby={avatarErrors?.length ? 'avatar-hint avatar-error' : 'avatar-hint'}>
        <legend>Picture</legend>
        <span id="avatar-hint" className={formStyles.hint}>
          Choose from the image library (newest first); upload new pictures under Images. Each is described by its alternative text.
        </span>
        {avatarErrors?.length ? (
          <span id="avatar-error" className={formStyles.error}>
            {avatarErrors.join(' ')}
          </span>
        ) : null}
        <ul className={styles.choices}>
          <li>
            <label className={styles.choice}>
              <input type="radio" name="avatarImageId" value="" defaultChecked={chosenAvatar === ''} />
              <span className={styles.none} aria-hidden="true" />
              <span>No picture</span>
            </label>
          </li>
          {imageChoices.map((image) => (
            <li key={image.id}>
              <label className={styles.choice}>
                <input type="radio" name="avatarImageId" value={String(image.id)} defaultChecked={chosenAvatar === String(image.id)} />
                {/* The label's text is the alt text, so the thumbnail itself is decorative. */}
                <img src={image.src} alt="" width={48} height={48} loading="lazy" />
                <span>{image.alt || `Image ${image.id} (no alternative text)`}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <SelectField
        name="userId"
        label="Staff account (optional)"
        hint="Links this profile to the person’s sign-in account."
        defaultValue={value('userId')}
        errors={state.fieldErrors?.userId}
        required={false}
        options={[{ value: '', label: 'No account' }, ...userChoices.map((user) => ({ value: user.id, label: `${user.name} (${user.role})` }))]}
      />
      <button type="submit" disabled={pending}>
        {author.id ? 'Save profile' : 'Create profile'}
      </button>
    </form>
  );
}
