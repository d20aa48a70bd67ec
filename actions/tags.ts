'use server';

import { revalidateTag, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';

import { createTag, deleteTag, mergeTags, renameTag } from '@/data/tags';
import { getViewerWith } from '@/data/viewer';
import { type ActionResult, fromZodError } from '@/lib/action-result';
import { cacheTags } from '@/lib/cache-tags';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { createTagSchema, mergeTagsSchema, tagIdSchema, updateTagSchema } from '@/lib/validation/tags';

const NOT_ALLOWED = 'You are not allowed to manage tags. Sign in with an editor’s account.';

function refusal(error: unknown, values: Record<string, string>, where: string): ActionResult {
  if (error instanceof InvalidInputError) return { ok: false, fieldErrors: { [error.field]: [error.message] }, formError: 'Please correct the highlighted fields.', values };
  if (error instanceof NotFoundError) return { ok: false, formError: 'That tag no longer exists.', values };
  if (error instanceof ForbiddenError) return { ok: false, formError: NOT_ALLOWED, values };
  console.error(`${where} failed`, error);
  throw error;
}

/** Article pages show their tags: they catch up in the background, like every list. */
function revalidateArticles(articleIds: number[]): void {
  revalidateTag(cacheTags.articles(), 'max');
  for (const id of articleIds) revalidateTag(cacheTags.article(id), 'max');
}

/** Editors (article:publish): creates a tag, then shows the list. */
export async function createTagAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { name: formText(formData, 'name'), slug: formText(formData, 'slug'), description: formText(formData, 'description') };
  const viewer = await getViewerWith('article:publish');
  if (!viewer) return { ok: false, formError: NOT_ALLOWED, values };
  const parsed = createTagSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  let slug: string;
  try {
    ({ slug } = await createTag(viewer, parsed.data));
  } catch (error) {
    return refusal(error, values, 'createTagAction');
  }
  // A visit to the address before the tag existed may have cached "no such tag".
  updateTag(cacheTags.tag(slug));
  redirect(`/dashboard/tags?created=${encodeURIComponent(slug)}`);
}

/** Editors (article:publish): renames or re-describes a tag (its address stays). */
export async function renameTagAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { id: formText(formData, 'id'), name: formText(formData, 'name'), description: formText(formData, 'description') };
  const viewer = await getViewerWith('article:publish');
  if (!viewer) return { ok: false, formError: NOT_ALLOWED, values };
  const parsed = updateTagSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  let result: Awaited<ReturnType<typeof renameTag>>;
  try {
    result = await renameTag(viewer, parsed.data);
  } catch (error) {
    return refusal(error, values, 'renameTagAction');
  }
  updateTag(cacheTags.tag(result.slug));
  revalidateArticles(result.articleIds);
  redirect(`/dashboard/tags/${parsed.data.id}?done=saved`);
}

/** Editors (article:publish): merges one tag into another (the first is deleted), then shows the survivor. */
export async function mergeTagsAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { sourceId: formText(formData, 'sourceId'), targetId: formText(formData, 'targetId') };
  const viewer = await getViewerWith('article:publish');
  if (!viewer) return { ok: false, formError: NOT_ALLOWED, values };
  const parsed = mergeTagsSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  let result: Awaited<ReturnType<typeof mergeTags>>;
  try {
    result = await mergeTags(viewer, parsed.data.sourceId, parsed.data.targetId);
  } catch (error) {
    return refusal(error, values, 'mergeTagsAction');
  }
  // The merged tag's page must not be served from a stale copy; the survivor's list grew.
  updateTag(cacheTags.tag(result.source.slug));
  updateTag(cacheTags.tag(result.target.slug));
  revalidateArticles(result.articleIds);
  redirect(`/dashboard/tags/${result.target.id}?done=merged&from=${encodeURIComponent(result.source.slug)}`);
}

/** Editors (article:publish): deletes a tag (its articles lose it), then shows the list. */
export async function deleteTagAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { id: formText(formData, 'id') };
  const viewer = await getViewerWith('article:publish');
  if (!viewer) return { ok: false, formError: NOT_ALLOWED };
  const parsed = tagIdSchema.safeParse(values);
  if (!parsed.success) return { ok: false, formError: 'That tag no longer exists.' };
  let result: Awaited<ReturnType<typeof deleteTag>>;
  try {
    result = await deleteTag(viewer, parsed.data.id);
  } catch (error) {
    return refusal(error, values, 'deleteTagAction');
  }
  updateTag(cacheTags.tag(result.slug));
  revalidateArticles(result.articleIds);
  redirect(`/dashboard/tags?deleted=${encodeURIComponent(result.slug)}`);
}
