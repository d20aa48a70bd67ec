'use server';

import { revalidateTag, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';

import { createAuthor, updateAuthor } from '@/data/authors';
import { cacheTags } from '@/lib/cache-tags';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { authorFormSchema, authorIdSchema } from '@/lib/validation/authors';

import { accept, formAction, invalidField, parseWith, refusal, reject } from './define';

const NOT_ALLOWED = 'You are not allowed to manage author profiles. Sign in with an editor’s account.';
const GONE = 'This author profile no longer exists.';
const refused = () => ({ formError: NOT_ALLOWED });
const refusals = [invalidField, refusal(ForbiddenError, refused), refusal(NotFoundError, () => ({ formError: GONE }))];

const FIELDS = ['name', 'slug', 'jobTitle', 'bio', 'avatarImageId', 'userId'] as const;

function readForm(formData: FormData): Record<(typeof FIELDS)[number], string> {
  return Object.fromEntries(FIELDS.map((field) => [field, formText(formData, field)])) as Record<(typeof FIELDS)[number], string>;
}

/** Bylines on every card and the author's own page show what was just saved. */
function invalidateAuthor(id: number): void {
  updateTag(cacheTags.author(id));
  // Bylines in lists and on article pages, and a cached "no such author" at a new address.
  revalidateTag(cacheTags.articles(), 'max');
}

/** Editors and admins (article:publish): adds an author profile, then shows the list. */
export const createAuthorAction = formAction({
  name: 'createAuthorAction',
  caller: 'article:publish',
  refused,
  echo: (formData) => ({ values: readForm(formData) }),
  parse: (formData) => parseWith(authorFormSchema, readForm(formData)),
  run: (viewer, input) => createAuthor(viewer, input),
  refusals,
  done: (saved) => {
    invalidateAuthor(saved.id);
    redirect(`/dashboard/authors?created=${saved.id}`);
  },
});

/** Editors and admins (article:publish): changes an author profile, then shows the list. */
export const updateAuthorAction = formAction({
  name: 'updateAuthorAction',
  caller: 'article:publish',
  refused,
  echo: (formData) => ({ values: { ...readForm(formData), id: formText(formData, 'id') } }),
  parse: (formData) => {
    const id = authorIdSchema.safeParse(formText(formData, 'id'));
    if (!id.success) return reject({ formError: GONE });
    const parsed = parseWith(authorFormSchema, { ...readForm(formData), id: formText(formData, 'id') });
    return parsed.ok ? accept({ id: id.data, profile: parsed.input }) : parsed;
  },
  run: (viewer, { id, profile }) => updateAuthor(viewer, id, profile),
  refusals,
  done: (_saved, { id }) => {
    invalidateAuthor(id);
    redirect(`/dashboard/authors?updated=${id}`);
  },
});
