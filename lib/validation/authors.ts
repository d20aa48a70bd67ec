import { z } from 'zod';

import { MAX_SLUG_LENGTH, isValidSlug } from '../slug';
import { isOneLine, isPlainText, optionalSerialId, serialId } from './common';

export const MAX_AUTHOR_NAME_LENGTH = 120;
export const MAX_JOB_TITLE_LENGTH = 120;
export const MAX_BIO_LENGTH = 2000;

const name = z
  .string()
  .trim()
  .min(2, { message: 'Give the author’s name (at least 2 characters).' })
  .max(MAX_AUTHOR_NAME_LENGTH, { message: `Use at most ${MAX_AUTHOR_NAME_LENGTH} characters.` })
  .refine(isOneLine, { message: 'Use one line of plain text.' });
/** Empty means "make it from the name". */
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_SLUG_LENGTH, { message: `Use at most ${MAX_SLUG_LENGTH} characters.` })
  .refine((value) => value === '' || isValidSlug(value), { message: 'Use lower-case letters, digits and single hyphens, like “ada-marsh”.' });
const jobTitle = z
  .string()
  .trim()
  .max(MAX_JOB_TITLE_LENGTH, { message: `Use at most ${MAX_JOB_TITLE_LENGTH} characters.` })
  .refine(isOneLine, { message: 'Use one line of plain text.' });
const bio = z
  .string()
  .trim()
  .max(MAX_BIO_LENGTH, { message: `Keep the biography to ${MAX_BIO_LENGTH} characters or fewer.` })
  .refine(isPlainText, { message: 'Remove control characters from the biography.' });

/** What the data layer takes (and checks again): ids are numbers or null. */
export const authorInputSchema = z.object({
  name,
  slug,
  jobTitle,
  bio,
  avatarImageId: serialId().nullable(),
  userId: z.string().min(1).max(64).nullable(),
});
export type AuthorInput = z.infer<typeof authorInputSchema>;

/** The dashboard form: every field arrives as text; empty picks mean "none". */
export const authorFormSchema = z.object({
  name,
  slug,
  jobTitle,
  bio,
  avatarImageId: optionalSerialId('Choose a picture from the image library.'),
  userId: z
    .string()
    .trim()
    .max(64, { message: 'Choose an account from the list.' })
    .transform((value) => (value === '' ? null : value)),
}) satisfies z.ZodType<AuthorInput, unknown>;

export const authorIdSchema = serialId();
