'use server';

import { revalidateTag, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';

import { createTag, deleteTag, mergeTags, renameTag } from '@/data/tags';
import { cacheTags } from '@/lib/cache-tags';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { createTagSchema, mergeTagsSchema, tagIdSchema, updateTagSchema } from '@/lib/validation/tags';

import { accept, formAction, formFields, invalidField, refusal, reject, textForm } from './define';

const NOT_ALLOWED = 'You are not allowed to manage tags. Sign in with an editor’s account.';
const refused = () => ({ formError: NOT_ALLOWED });
const refusals = [invalidField, refusal(ForbiddenError, refused), refusal(NotFoundError, () => ({ formError: 'That tag no longer exists.' }))];


/** Article pages show their tags: they catch up in the background, like every list. */
function revalidateArticles(articleIds: number[]): void {
  revalidateTag(cacheTags.articles(), 'max');
  for (const id of articleIds) revalidateTag(cacheTags.article(id), 'max');
}

const CREATE = ['name', 'slug', 'description'];

/** Editors (article:publish): creates a tag, then shows the list. */
export const createTagAction = formAction({
  name: 'createTagAction',
  caller: 'article:publish',
  refused,
  ...textForm(createTagSchema, CREATE),
  run: (viewer, input) => createTag(viewer, input),
  refusals,
  done: ({ slug }) => {
    // A visit to the address before the tag existed may have cached "no such tag".
    updateTag(cacheTags.tag(slug));
    redirect(`/dashboard/tags?created=${encodeURIComponent(slug)}`);
  },
});

const RENAME = ['id', 'name', 'description'];

/** Editors (article:publish): renames or re-describes a tag (its address stays). */
export const renameTagAction = formAction({
  name: 'renameTagAction',
  caller: 'article:publish',
  refused,
  ...textForm(updateTagSchema, RENAME),
  run: (viewer, input) => renameTag(viewer, input),
  refusals,
  done: (result, input) => {
    updateTag(cacheTags.tag(result.slug));
    revalidateArticles(result.articleIds);
    redirect(`/dashboard/tags/${input.id}?done=saved`);
  },
});

const MERGE = ['sourceId', 'targetId'];

/** Editors (article:publish): merges one tag into another (the first is deleted), then shows the survivor. */
export const mergeTagsAction = formAction({
  name: 'mergeTagsAction',
  caller: 'article:publish',
  refused,
  ...textForm(mergeTagsSchema, MERGE),
  run: (viewer, { sourceId, targetId }) => mergeTags(viewer, sourceId, targetId),
  refusals,
  done: (result) => {
    // The merged tag's page must not be served from a stale copy; the survivor's list grew.
    updateTag(cacheTags.tag(result.source.slug));
    updateTag(cacheTags.tag(result.target.slug));
    revalidateArticles(result.articleIds);
    redirect(`/dashboard/tags/${result.target.id}?done=merged&from=${encodeURIComponent(result.source.slug)}`);
  },
});

/** Editors (article:publish): deletes a tag (its articles lose it), then shows the list. */
export const deleteTagAction = formAction({
  name: 'deleteTagAction',
  caller: 'article:publish',
  refused,
  echo: (formData) => ({ values: formFields(formData, ['id']) }),
  parse: (formData) => {
    const parsed = tagIdSchema.safeParse({ id: formText(formData, 'id') });
    return parsed.success ? accept(parsed.data) : reject({ formError: 'That tag no longer exists.' });
  },
  run: (viewer, { id }) => deleteTag(viewer, id),
  refusals,
  done: (result) => {
    updateTag(cacheTags.tag(result.slug));
    revalidateArticles(result.articleIds);
    redirect(`/dashboard/tags?deleted=${encodeURIComponent(result.slug)}`);
  },
});
