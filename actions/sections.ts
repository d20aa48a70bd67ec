'use server';

import { revalidateTag, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';

import { SectionInUseError, createSection, deleteSection, moveSection, updateSection } from '@/data/sections';
import { authorize, getViewerWith } from '@/data/viewer';
import { type ActionResult, fromZodError } from '@/lib/action-result';
import { cacheTags } from '@/lib/cache-tags';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { createSectionSchema, moveSectionSchema, sectionIdSchema, updateSectionSchema } from '@/lib/validation/sections';

const NOT_ALLOWED = 'You are not allowed to manage sections. Sign in with an editor’s account.';

/** Known refusals become messages; anything else is logged and rethrown (the browser only sees a digest). */
function refusal(error: unknown, values: Record<string, string>, where: string): ActionResult {
  if (error instanceof InvalidInputError) return { ok: false, fieldErrors: { [error.field]: [error.message] }, formError: 'Please correct the highlighted fields.', values };
  if (error instanceof SectionInUseError) {
    const stories = error.articleCount === 1 ? '1 article is' : `${error.articleCount} articles are`;
    return { ok: false, formError: `This section cannot be deleted: ${stories} still filed in it (drafts included). Move them to another section first.`, values };
  }
  if (error instanceof NotFoundError) return { ok: false, formError: 'This section no longer exists.', values };
  if (error instanceof ForbiddenError) return { ok: false, formError: NOT_ALLOWED, values };
  console.error(`${where} failed`, error);
  throw error;
}

/** Editors (article:publish): creates a section, then shows the list. */
export async function createSectionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { name: formText(formData, 'name'), slug: formText(formData, 'slug'), description: formText(formData, 'description') };
  const viewer = await getViewerWith('article:publish');
  if (!viewer) return { ok: false, formError: NOT_ALLOWED, values };
  const parsed = createSectionSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  let slug: string;
  try {
    ({ slug } = await createSection(viewer, parsed.data));
  } catch (error) {
    return refusal(error, values, 'createSectionAction');
  }
  // The navigation lists sections, and a visit to the address before it existed may have cached "no such section".
  updateTag(cacheTags.sections());
  updateTag(cacheTags.section(slug));
  redirect(`/dashboard/sections?created=${encodeURIComponent(slug)}`);
}

/** Editors (article:publish): renames, re-describes or re-positions a section (its slug stays). */
export async function updateSectionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { id: formText(formData, 'id'), name: formText(formData, 'name'), description: formText(formData, 'description'), position: formText(formData, 'position') };
  const viewer = await getViewerWith('article:publish');
  if (!viewer) return { ok: false, formError: NOT_ALLOWED, values };
  const parsed = updateSectionSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  let slug: string;
  try {
    ({ after: { slug } } = await updateSection(viewer, parsed.data));
  } catch (error) {
    return refusal(error, values, 'updateSectionAction');
  }
  updateTag(cacheTags.sections());
  updateTag(cacheTags.section(slug));
  // Cards and article pages name their section; they may catch up in the background.
  revalidateTag(cacheTags.articles(), 'max');
  redirect(`/dashboard/sections?updated=${encodeURIComponent(slug)}`);
}

/** Editors (article:publish): moves a section one place up or down the navigation (a plain form action). */
export async function moveSectionAction(formData: FormData): Promise<void> {
  const viewer = await authorize('article:publish');
  const parsed = moveSectionSchema.safeParse({ id: formText(formData, 'id'), direction: formText(formData, 'direction') });
  if (!parsed.success) return;
  try {
    const { moved } = await moveSection(viewer, parsed.data.id, parsed.data.direction);
    if (moved) updateTag(cacheTags.sections());
  } catch (error) {
    // Someone else deleted it meanwhile: the refreshed list says so by its absence.
    if (error instanceof NotFoundError) return;
    console.error('moveSectionAction failed', error);
    throw error;
  }
}

/** Editors (article:publish): deletes an empty section, then shows the list. */
export async function deleteSectionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { id: formText(formData, 'id') };
  const viewer = await getViewerWith('article:publish');
  if (!viewer) return { ok: false, formError: NOT_ALLOWED };
  const parsed = sectionIdSchema.safeParse(values);
  if (!parsed.success) return { ok: false, formError: 'This section no longer exists.' };
  let slug: string;
  try {
    ({ slug } = await deleteSection(viewer, parsed.data.id));
  } catch (error) {
    return refusal(error, values, 'deleteSectionAction');
  }
  // A deleted section must not be served from a stale copy.
  updateTag(cacheTags.sections());
  updateTag(cacheTags.section(slug));
  redirect(`/dashboard/sections?deleted=${encodeURIComponent(slug)}`);
}
