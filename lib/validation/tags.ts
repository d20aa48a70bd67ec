import { z } from 'zod';

import { MAX_SLUG_LENGTH, isValidSlug } from '../slug';

const noControl = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

export const tagName = z
  .string()
  .trim()
  .min(2, { message: 'Use at least 2 characters.' })
  .max(60, { message: 'Use at most 60 characters.' })
  .refine(noControl, { message: 'Control characters are not allowed.' });

export const tagDescription = z
  .string()
  .trim()
  .max(300, { message: 'Use at most 300 characters.' })
  .refine((value) => !value.includes('\u0000'), { message: 'Control characters are not allowed.' });

/** Empty means "make one from the name". */
export const tagSlugInput = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => value === '' || isValidSlug(value), {
    message: `Use lower-case letters, digits and single hyphens (at most ${MAX_SLUG_LENGTH} characters).`,
  });

const tagId = z.coerce.number({ message: 'Choose a tag.' }).int({ message: 'Choose a tag.' }).positive({ message: 'Choose a tag.' }).max(2_147_483_647, { message: 'Choose a tag.' });

export const createTagSchema = z.object({ name: tagName, slug: tagSlugInput, description: tagDescription });

/** Renaming keeps the address (docs/dashboard-admin.md). */
export const updateTagSchema = z.object({ id: tagId, name: tagName, description: tagDescription });

export const mergeTagsSchema = z
  .object({ sourceId: tagId, targetId: tagId })
  .refine((value) => value.sourceId !== value.targetId, { message: 'Choose a different tag to merge into.', path: ['targetId'] });

export const tagIdSchema = z.object({ id: tagId });

/** The tag list's query string; never fails. */
export const tagListParamsSchema = z.object({
  q: z.preprocess((value) => String((Array.isArray(value) ? value[0] : value) ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 100), z.string()),
  page: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});

export type CreateTagInput = z.infer<typeof createTagSchema>;
export type UpdateTagInput = z.infer<typeof updateTagSchema>;
