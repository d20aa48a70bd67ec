'use server';

import { redirect } from 'next/navigation';

import { deleteImage, ImageInUseError, listImages, updateImageDetails } from '@/data/images';
import { PICKER_PAGE_SIZE, type PickerPage, toPickerPicture } from '@/lib/picture-picker';
import { cleanQuery } from '@/lib/validation/search';
import { authorize, type Viewer } from '@/data/viewer';
import { type ActionResult, fromZodError } from '@/lib/action-result';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { imageDetailsSchema, imageIdSchema } from '@/lib/validation/images';

// Uploads go through app/api/images/route.ts (a body-size cap of our own; see docs/images.md), not an action.

const NOT_ALLOWED = 'You are not allowed to edit the image library. Sign in with a contributor’s or editor’s account.';

async function writer(): Promise<Viewer | null> {
  try {
    return await authorize('article:write');
  } catch (error) {
    if (error instanceof ForbiddenError) return null;
    throw error;
  }
}

/** Contributors, editors and admins (article:write): changes an image's alt text and credit, then shows the library. */
export async function updateImageDetailsAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const values = { id: formText(formData, 'id'), alt: formText(formData, 'alt'), credit: formText(formData, 'credit') };
  const viewer = await writer();
  if (!viewer) return { ok: false, formError: NOT_ALLOWED, values };
  const id = imageIdSchema.safeParse(values.id);
  if (!id.success) return { ok: false, formError: 'This image no longer exists.', values };
  const parsed = imageDetailsSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await updateImageDetails(viewer, id.data, parsed.data);
  } catch (error) {
    if (error instanceof InvalidInputError) return { ok: false, fieldErrors: { [error.field]: [error.message] }, formError: 'Please correct the highlighted fields.', values };
    if (error instanceof NotFoundError) return { ok: false, formError: 'This image no longer exists.', values };
    if (error instanceof ForbiddenError) return { ok: false, formError: NOT_ALLOWED, values };
    console.error('updateImageDetailsAction failed', error);
    throw error;
  }
  // Public pages take alt text from the article or author, not from the library: no cache tag to touch.
  redirect(`/dashboard/images?updated=${id.data}`);
}

/**
 * Editors and admins (any picture), contributors (their own uploads): deletes a library picture that nothing uses,
 * after the confirmation page (app/dashboard/images/[id]/delete). A plain form post that always answers with a
 * redirect, so it works the same without JavaScript: back to the library, or back to the confirmation page, which
 * lists where the picture is used.
 */
export async function deleteImageAction(formData: FormData): Promise<void> {
  const id = imageIdSchema.safeParse(formText(formData, 'id'));
  if (!id.success) redirect('/dashboard/images?notice=gone');
  const back = `/dashboard/images/${id.data}/delete`;
  if (formText(formData, 'confirm') !== 'yes') redirect(`${back}?refused=unconfirmed`);
  const viewer = await writer();
  if (!viewer) redirect(`${back}?refused=forbidden`);
  let outcome: string;
  try {
    await deleteImage(viewer, id.data);
    outcome = '/dashboard/images?notice=deleted';
  } catch (error) {
    if (error instanceof ImageInUseError) outcome = `${back}?refused=in-use`;
    else if (error instanceof ForbiddenError) outcome = `${back}?refused=forbidden`;
    else if (error instanceof NotFoundError) outcome = '/dashboard/images?notice=gone';
    else {
      console.error('deleteImageAction failed', error);
      throw error;
    }
  }
  // Nothing public showed the picture (that is the condition for deleting it): no cache tag to touch.
  redirect(outcome);
}

/** Contributors, editors and admins (article:write): a page of the story editor's picture picker (with JavaScript). */
export async function searchPicturesAction(query: unknown, pageNumber: unknown): Promise<PickerPage | { error: string }> {
  const viewer = await writer();
  if (!viewer) return { error: NOT_ALLOWED };
  const q = cleanQuery(typeof query === 'string' ? query : '');
  const page = typeof pageNumber === 'number' && Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 10_000 ? pageNumber : 1;
  const library = await listImages(viewer, { q, page, pageSize: PICKER_PAGE_SIZE });
  return { q, page: library.page, pageCount: library.pageCount, total: library.total, items: library.items.map(toPickerPicture) };
}
