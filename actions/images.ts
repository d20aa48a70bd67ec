'use server';

import { redirect } from 'next/navigation';

import { updateImageDetails } from '@/data/images';
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
