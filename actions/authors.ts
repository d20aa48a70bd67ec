'use server';

import { revalidateTag, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';

import { createAuthor, updateAuthor } from '@/data/authors';
import { getViewerWith } from '@/data/viewer';
import { type ActionResult, fromZodError } from '@/lib/action-result';
import { cacheTags } from '@/lib/cache-tags';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { authorFormSchema, authorIdSchema } from '@/lib/validation/authors';

const NOT_ALLOWED = 'You are not allowed to manage author profiles. Sign in with an editor’s account.';
const FIELDS = ['name', 'slug', 'jobTitle', 'bio', 'avatarImageId', 'userId'] as const;

function readForm(formData: FormData): Record<(typeof FIELDS)[number], string> {
  return Object.fromEntries(FIELDS.map((field) => [field, formText(formData, field)])) as Record<(typeof FIELDS)[number], string>;
}

/** Known refusals become messages; anything else is logged and rethrown (the browser only sees a digest). */
function refusal(error: unknown, values: Record<string, string>, where: string): ActionResult {
  if (error instanceof InvalidInputError) return { ok: false, fieldErrors: { [error.field]: [error.message] }, formError: 'Please correct the highlighted fields.', values };
  if (error instanceof NotFoundError) return { ok: false, formError: 'This author profile no longer exists.', values };
  if (error instanceof ForbiddenError) return { ok: false, formError: NOT_ALLOWED, values };
  console.error(`${where} failed`, error);
  throw error;
}

/** Bylines on every card and the author's own page show what was just saved. */
function invalidateAuthor(id: number): void {
  updateTag(cacheTags.author(id));
  // Bylines in lists and on article pages, and a cached "no such author" at a new address.
  revalidateTag(cacheTags.articles(), 'max');
}

/** Editors and admins (article:publish): adds an author profile, then shows the list. */
export async function createAuthorAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = readForm(formData);
  const viewer = await getViewerWith('article:publish');
  if (!viewer) return { ok: false, formError: NOT_ALLOWED, values };
  const parsed = authorFormSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  let saved: { id: number; slug: string };
  try {
    saved = await createAuthor(viewer, parsed.data);
  } catch (error) {
    return refusal(error, values, 'createAuthorAction');
  }
  invalidateAuthor(saved.id);
  redirect(`/dashboard/authors?created=${saved.id}`);
}

/** Editors and admins (article:publish): changes an author profile, then shows the list. */
export async function updateAuthorAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { ...readForm(formData), id: formText(formData, 'id') };
  const viewer = await getViewerWith('article:publish');
  if (!viewer) return { ok: false, formError: NOT_ALLOWED, values };
  const id = authorIdSchema.safeParse(values.id);
  if (!id.success) return { ok: false, formError: 'This author profile no longer exists.', values };
  const parsed = authorFormSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await updateAuthor(viewer, id.data, parsed.data);
  } catch (error) {
    return refusal(error, values, 'updateAuthorAction');
  }
  invalidateAuthor(id.data);
  redirect(`/dashboard/authors?updated=${id.data}`);
}
