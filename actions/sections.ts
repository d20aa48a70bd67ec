'use server';

import { revalidateTag, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';

import { createSection, deleteSection, moveSection, updateSection } from '@/data/sections';
import { cacheTags } from '@/lib/cache-tags';
import { ForbiddenError, NotFoundError, SectionInUseError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { createSectionSchema, moveSectionSchema, sectionIdSchema, updateSectionSchema } from '@/lib/validation/sections';

import { accept, formAction, formFields, invalidField, plainAction, refusal, reject, textForm } from './define';

const NOT_ALLOWED = 'You are not allowed to manage sections. Sign in with an editor’s account.';
const refused = () => ({ formError: NOT_ALLOWED });
const GONE = 'This section no longer exists.';
const refusals = [
  invalidField,
  refusal(SectionInUseError, (error) => {
    const stories = error.articleCount === 1 ? '1 article is' : `${error.articleCount} articles are`;
    return { formError: `This section cannot be deleted: ${stories} still filed in it (drafts included). Move them to another section first.` };
  }),
  refusal(NotFoundError, () => ({ formError: GONE })),
  refusal(ForbiddenError, refused),
];


const CREATE = ['name', 'slug', 'description'];

/** Editors (article:publish): creates a section, then shows the list. */
export const createSectionAction = formAction({
  name: 'createSectionAction',
  caller: 'article:publish',
  refused,
  ...textForm(createSectionSchema, CREATE),
  run: (viewer, input) => createSection(viewer, input),
  refusals,
  done: ({ slug }) => {
    // The navigation lists sections, and a visit to the address before it existed may have cached "no such section".
    updateTag(cacheTags.sections());
    updateTag(cacheTags.section(slug));
    redirect(`/dashboard/sections?created=${encodeURIComponent(slug)}`);
  },
});

const UPDATE = ['id', 'name', 'description', 'position'];

/** Editors (article:publish): renames, re-describes or re-positions a section (its slug stays). */
export const updateSectionAction = formAction({
  name: 'updateSectionAction',
  caller: 'article:publish',
  refused,
  ...textForm(updateSectionSchema, UPDATE),
  run: (viewer, input) => updateSection(viewer, input),
  refusals,
  done: ({ after: { slug } }) => {
    updateTag(cacheTags.sections());
    updateTag(cacheTags.section(slug));
    // Cards and article pages name their section; they may catch up in the background.
    revalidateTag(cacheTags.articles(), 'max');
    redirect(`/dashboard/sections?updated=${encodeURIComponent(slug)}`);
  },
});

/** Editors (article:publish): moves a section one place up or down the navigation (a plain form action). */
export const moveSectionAction = plainAction({
  name: 'moveSectionAction',
  caller: 'article:publish',
  // A forged or outdated form changes nothing; the page renders afresh.
  parse: (formData) => {
    const parsed = moveSectionSchema.safeParse({ id: formText(formData, 'id'), direction: formText(formData, 'direction') });
    return parsed.success ? accept(parsed.data) : reject(null);
  },
  run: (viewer, { id, direction }) => moveSection(viewer, id, direction),
  // Someone else deleted it meanwhile: the refreshed list says so by its absence.
  refusals: [refusal(NotFoundError, () => null)],
  done: ({ moved }) => {
    if (moved) updateTag(cacheTags.sections());
  },
});

/** Editors (article:publish): deletes an empty section, then shows the list. */
export const deleteSectionAction = formAction({
  name: 'deleteSectionAction',
  caller: 'article:publish',
  refused,
  echo: (formData) => ({ values: formFields(formData, ['id']) }),
  parse: (formData) => {
    const parsed = sectionIdSchema.safeParse({ id: formText(formData, 'id') });
    return parsed.success ? accept(parsed.data) : reject({ formError: GONE });
  },
  run: (viewer, { id }) => deleteSection(viewer, id),
  refusals,
  done: ({ slug }) => {
    // A deleted section must not be served from a stale copy.
    updateTag(cacheTags.sections());
    updateTag(cacheTags.section(slug));
    redirect(`/dashboard/sections?deleted=${encodeURIComponent(slug)}`);
  },
});
