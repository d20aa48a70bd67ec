'use server';

import { redirect } from 'next/navigation';

import { deleteImage, listImages, updateImageDetails } from '@/data/images';
import { ForbiddenError, ImageInUseError, NotFoundError } from '@/lib/errors';
import { formText } from '@/lib/form-data';
import { PICKER_PAGE_SIZE, type PickerPage, toPickerPicture } from '@/lib/picture-picker';
import { imageDetailsSchema, imageIdSchema } from '@/lib/validation/images';
import { cleanQuery } from '@/lib/validation/search';

import { accept, callAction, formAction, invalidField, parseWith, plainAction, refusal, reject } from './define';

// Uploads go through app/api/images/route.ts (a body-size cap of our own; see docs/images.md), not an action.

const NOT_ALLOWED = 'You are not allowed to edit the image library. Sign in with a contributor’s or editor’s account.';
const GONE = 'This image no longer exists.';
const refused = () => ({ formError: NOT_ALLOWED });

const detailsOf = (formData: FormData) => ({ id: formText(formData, 'id'), alt: formText(formData, 'alt'), credit: formText(formData, 'credit') });

/** Contributors, editors and admins (article:write): changes an image's alt text and credit, then shows the library. */
export const updateImageDetailsAction = formAction({
  name: 'updateImageDetailsAction',
  caller: 'article:write',
  refused,
  echo: (formData) => ({ values: detailsOf(formData) }),
  parse: (formData) => {
    const values = detailsOf(formData);
    const id = imageIdSchema.safeParse(values.id);
    if (!id.success) return reject({ formError: GONE });
    const parsed = parseWith(imageDetailsSchema, values);
    return parsed.ok ? accept({ id: id.data, details: parsed.input }) : parsed;
  },
  run: (viewer, { id, details }) => updateImageDetails(viewer, id, details),
  refusals: [invalidField, refusal(NotFoundError, () => ({ formError: GONE })), refusal(ForbiddenError, refused)],
  // Public pages take alt text from the article or author, not from the library: no cache tag to touch.
  done: (_updated, { id }) => redirect(`/dashboard/images?updated=${id}`),
});

const confirmationPath = (id: number, refusedFor: string) => `/dashboard/images/${id}/delete?refused=${refusedFor}`;

/**
 * Editors and admins (any picture), contributors (their own uploads): deletes a library picture that nothing uses,
 * after the confirmation page (app/dashboard/images/[id]/delete). A plain form post that answers with a redirect, so
 * it works the same without JavaScript: back to the library, or back to the confirmation page, which lists where the
 * picture is used. Callers who may not use the library at all get 403.
 */
export const deleteImageAction = plainAction({
  name: 'deleteImageAction',
  caller: 'article:write',
  parse: (formData) => {
    const id = imageIdSchema.safeParse(formText(formData, 'id'));
    if (!id.success) return reject('/dashboard/images?notice=gone');
    if (formText(formData, 'confirm') !== 'yes') return reject(confirmationPath(id.data, 'unconfirmed'));
    return accept(id.data);
  },
  run: async (viewer, id) => {
    await deleteImage(viewer, id);
    return id;
  },
  refusals: [
    refusal(ImageInUseError, (_error, id: number) => confirmationPath(id, 'in-use')),
    // A contributor's check against a picture someone else uploaded (the data layer's WHERE clause).
    refusal(ForbiddenError, (_error, id: number) => confirmationPath(id, 'forbidden')),
    refusal(NotFoundError, () => '/dashboard/images?notice=gone'),
  ],
  // Nothing public showed the picture (that is the condition for deleting it): no cache tag to touch.
  done: () => redirect('/dashboard/images?notice=deleted'),
});

/** Contributors, editors and admins (article:write): a page of the story editor's picture picker (with JavaScript). */
export const searchPicturesAction = callAction({
  name: 'searchPicturesAction',
  caller: 'article:write',
  refused: (): PickerPage | { error: string } => ({ error: NOT_ALLOWED }),
  parse: (query: unknown, pageNumber: unknown) =>
    accept({
      q: cleanQuery(typeof query === 'string' ? query : ''),
      page: typeof pageNumber === 'number' && Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 10_000 ? pageNumber : 1,
    }),
  run: (viewer, { q, page }) => listImages(viewer, { q, page, pageSize: PICKER_PAGE_SIZE }),
  done: (library: Awaited<ReturnType<typeof listImages>>, { q }) => ({ q, page: library.page, pageCount: library.pageCount, total: library.total, items: library.items.map(toPickerPicture) }),
});
