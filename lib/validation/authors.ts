import { z } from 'zod';

import { MAX_SLUG_LENGTH, isValidSlug } from '../slug';

export const MAX_AUTHOR_NAME_LENGTH = 120;
export const MAX_JOB_TITLE_LENGTH = 120;
export const MAX_BIO_LENGTH = 2000;

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noControl = (value: string) => !controlCharacters.test(value);
const singleLine = (value: string) => !/[\r\n]/.test(value);

const name = z
  .string()
  .trim()
  .min(2, { message: 'Give the author’s name (at least 2 characters).' })
  .max(MAX_AUTHOR_NAME_LENGTH, { message: `Use at most ${MAX_AUTHOR_NAME_LENGTH} characters.` })
  .refine((value) => noControl(value) && singleLine(value), { message: 'Use one line of plain text.' });
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
  .refine((value) => noControl(value) && singleLine(value), { message: 'Use one line of plain text.' });
const bio = z
  .string()
  .trim()
  .max(MAX_BIO_LENGTH, { message: `Keep the biography to ${MAX_BIO_LENGTH} characters or fewer.` })
  .refine(noControl, { message: 'Remove control characters from the biography.' });

/** What the data layer takes (and checks again): ids are numbers or null. */
export const authorInputSchema = z.object({
  name,
  slug,
  jobTitle,
  bio,
  avatarImageId: z.number().int().min(1).max(2_147_483_647).nullable(),
  userId: z.string().min(1).max(64).nullable(),
});
export type AuthorInput = z.infer<typeof authorInputSchema>;

/** The dashboard form: every field arrives as text; empty picks mean "none". */
export const authorFormSchema = z.object({
  name,
  slug,
  jobTitle,
  bio,
  avatarImageId: z
    .string()
    .trim()
    .regex(/^(|[1-9][0-9]{0,9})$/, { message: 'Choose a picture from the image library.' })
    .transform((value) => (value === '' ? null : Number(value))),
  userId: z
    .string()
    .trim()
    .max(64, { message: 'Choose an account from the list.' })
    .transform((value) => (value === '' ? null : value)),
}) satisfies z.ZodType<AuthorInput, unknown>;

/** An author id from a form or URL: a positive integer written canonically. */
export const authorIdSchema = z.string().regex(/^[1-9][0-9]{0,9}$/).transform(Number).pipe(z.number().int().max(2_147_483_647));
