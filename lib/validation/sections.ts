import { z } from 'zod';

import { MAX_SLUG_LENGTH, isReservedSectionSlug, isValidSlug } from '../slug';

const noControl = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

export const sectionName = z
  .string()
  .trim()
  .min(2, { message: 'Use at least 2 characters.' })
  .max(60, { message: 'Use at most 60 characters.' })
  .refine(noControl, { message: 'Control characters are not allowed.' });

export const sectionDescription = z
  .string()
  .trim()
  .max(300, { message: 'Use at most 300 characters.' })
  .refine((value) => !value.includes('\u0000'), { message: 'Control characters are not allowed.' });

/** Lowest and highest navigation position an editor can type. */
export const MAX_SECTION_POSITION = 999;

/** A serial id: a positive int4, so a huge number is refused here rather than by PostgreSQL. */
const sectionId = z.coerce.number().int().positive().max(2_147_483_647);
export const sectionPosition = z.coerce
  .number({ message: 'Enter a whole number.' })
  .int({ message: 'Enter a whole number.' })
  .min(0, { message: 'Use 0 or more.' })
  .max(MAX_SECTION_POSITION, { message: `Use ${MAX_SECTION_POSITION} or less.` });

/**
 * A section's address as typed: empty means "make one from the name" (the data layer does, and checks the result
 * against the same rules). Reserved words are refused here already, with the reason.
 */
export const sectionSlugInput = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => value === '' || isValidSlug(value), {
    message: `Use lower-case letters, digits and single hyphens (at most ${MAX_SLUG_LENGTH} characters).`,
  })
  .refine((value) => !isReservedSectionSlug(value), { message: 'This address is reserved for a page of the site itself; choose another.' });

export const createSectionSchema = z.object({ name: sectionName, slug: sectionSlugInput, description: sectionDescription });

/** The slug is not here on purpose: a section's address is fixed once created (docs/dashboard-admin.md). */
export const updateSectionSchema = z.object({
  id: sectionId,
  name: sectionName,
  description: sectionDescription,
  position: sectionPosition,
});

export const moveSectionSchema = z.object({ id: sectionId, direction: z.enum(['up', 'down']) });

export const sectionIdSchema = z.object({ id: sectionId });

export type CreateSectionInput = z.infer<typeof createSectionSchema>;
export type UpdateSectionInput = z.infer<typeof updateSectionSchema>;
