import { z } from 'zod';

import { MAX_SLUG_LENGTH, isReservedSectionSlug, isValidSlug } from '../slug';
import { serialId, shortDescription, shortName } from './common';

/** Lowest and highest navigation position an editor can type. */
export const MAX_SECTION_POSITION = 999;

const sectionId = serialId('Choose a section.');
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

export const createSectionSchema = z.object({ name: shortName, slug: sectionSlugInput, description: shortDescription });

/** The slug is not here on purpose: a section's address is fixed once created (docs/dashboard-admin.md). */
export const updateSectionSchema = z.object({
  id: sectionId,
  name: shortName,
  description: shortDescription,
  position: sectionPosition,
});

export const moveSectionSchema = z.object({ id: sectionId, direction: z.enum(['up', 'down']) });

export const sectionIdSchema = z.object({ id: sectionId });

export type CreateSectionInput = z.infer<typeof createSectionSchema>;
export type UpdateSectionInput = z.infer<typeof updateSectionSchema>;
