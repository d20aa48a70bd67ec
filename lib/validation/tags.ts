import { z } from 'zod';

import { MAX_SLUG_LENGTH, isValidSlug } from '../slug';
import { pageParam, queryText, serialId, shortDescription, shortName } from './common';

/** Empty means "make one from the name". */
export const tagSlugInput = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => value === '' || isValidSlug(value), {
    message: `Use lower-case letters, digits and single hyphens (at most ${MAX_SLUG_LENGTH} characters).`,
  });

const tagId = serialId('Choose a tag.');

export const createTagSchema = z.object({ name: shortName, slug: tagSlugInput, description: shortDescription });

/** Renaming keeps the address (docs/dashboard-admin.md). */
export const updateTagSchema = z.object({ id: tagId, name: shortName, description: shortDescription });

export const mergeTagsSchema = z
  .object({ sourceId: tagId, targetId: tagId })
  .refine((value) => value.sourceId !== value.targetId, { message: 'Choose a different tag to merge into.', path: ['targetId'] });

export const tagIdSchema = z.object({ id: tagId });

/** The tag list's query string; never fails. */
export const tagListParamsSchema = z.object({
  q: queryText(100),
  page: pageParam(10_000),
});

export type CreateTagInput = z.infer<typeof createTagSchema>;
export type UpdateTagInput = z.infer<typeof updateTagSchema>;
