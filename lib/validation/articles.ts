import { z } from 'zod';

import { ARTICLE_FORMATS } from '@/lib/article-formats';
import { zonedLocalToUtc } from '@/lib/datetime';
import { ARTICLE_NOTE_KINDS } from '@/lib/editorial';
import { formText } from '@/lib/form-data';
import { MAX_SLUG_LENGTH, RESERVED_ARTICLE_SLUGS, isValidSlug, slugify } from '@/lib/slug';

import { isPlainText, serialId } from './common';

const text = (label: string, max: number, min = 0) =>
  z
    .string()
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(min, { message: min === 1 ? `${label} is required.` : `${label} needs at least ${min} characters.` })
        .max(max, { message: `${label} must be at most ${max.toLocaleString('en-GB')} characters.` })
        .refine(isPlainText, { message: `${label} contains characters that are not allowed.` }),
    );

const id = serialId();

/** "a, b, c" or one per line → distinct trimmed names. */
const nameList = (label: string, maxItems: number, maxLength: number) =>
  z
    .string()
    .transform((value) => [...new Set(value.split(/[,\n]/).map((item) => item.trim().replace(/\s+/g, ' ')).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(maxLength, { message: `Each ${label} must be at most ${maxLength} characters.` }))
        .max(maxItems, { message: `At most ${maxItems} ${label}s.` }),
    );

const HERO_ALT_MESSAGE = 'Describe the picture for readers who cannot see it.';

/** The editor form: everything a revision holds. The slug is made from the headline when left empty. */
export const articleFormSchema = z
  .object({
    headline: text('Headline', 200, 1),
    dek: text('Standfirst', 400),
    body: text('Body', 100_000),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .refine((slug) => slug === '' || isValidSlug(slug), { message: 'Use lower-case letters, digits and single hyphens (at most 80).' })
      .refine((slug) => !RESERVED_ARTICLE_SLUGS.has(slug), { message: 'This slug is reserved; choose another.' }),
    sectionId: serialId('Choose a section.'),
    format: z.enum(ARTICLE_FORMATS, { message: 'Choose a format.' }),
    tags: nameList('tag', 20, 60),
    authorIds: z.array(id).max(10, { message: 'At most 10 authors.' }),
    heroImageId: id.nullable(),
    heroAlt: text('Alt text', 300),
    heroCaption: text('Caption', 300),
    seoTitle: text('SEO title', 120),
    seoDescription: text('SEO description', 300),
    related: nameList('related story', 5, MAX_SLUG_LENGTH),
  })
  .refine((value) => !(value.heroImageId && !value.heroAlt), { path: ['heroAlt'], message: HERO_ALT_MESSAGE })
  .transform((value, context) => {
    const slug = value.slug || slugify(value.headline);
    if (!isValidSlug(slug) || RESERVED_ARTICLE_SLUGS.has(slug)) {
      context.addIssue({ code: 'custom', path: ['slug'], message: 'The headline gives no usable slug; type one.' });
      return z.NEVER;
    }
    return { ...value, slug };
  });

export type ArticleForm = z.output<typeof articleFormSchema>;

/**
 * Validates the editor form and reports every field's problem at once (an object-level rule such as "a picture
 * needs alt text" would otherwise wait until the other fields are fixed).
 */
export function parseArticleForm(input: ReturnType<typeof articleFormInput>): { success: true; data: ArticleForm } | { success: false; fieldErrors: Record<string, string[] | undefined> } {
  const parsed = articleFormSchema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: Record<string, string[] | undefined> = { ...z.flattenError(parsed.error).fieldErrors };
  if (input.heroImageId && !input.heroAlt.trim() && !fieldErrors.heroAlt) fieldErrors.heroAlt = [HERO_ALT_MESSAGE];
  return { success: false, fieldErrors };
}

/** Reads the editor form's fields out of FormData (multi-selects and empty optionals included). */
export function articleFormInput(formData: FormData) {
  const hero = formText(formData, 'heroImageId');
  return {
    headline: formText(formData, 'headline'),
    dek: formText(formData, 'dek'),
    body: formText(formData, 'body'),
    slug: formText(formData, 'slug'),
    sectionId: formText(formData, 'sectionId'),
    format: formText(formData, 'format'),
    tags: formText(formData, 'tags'),
    authorIds: formData.getAll('authorIds').filter((value) => typeof value === 'string' && value !== ''),
    heroImageId: hero === '' ? null : hero,
    heroAlt: formText(formData, 'heroAlt'),
    heroCaption: formText(formData, 'heroCaption'),
    seoTitle: formText(formData, 'seoTitle'),
    seoDescription: formText(formData, 'seoDescription'),
    related: formText(formData, 'related'),
  };
}

/** An article's version (an int4 counter from 1), sent back by the editor form so a stale save is refused. */
export const versionSchema = serialId();
export const articleIdSchema = id;

/**
 * Publishing: now, or at an exact minute in the newsroom's zone (`timeZone`), with an optional unpublish time. The
 * form's datetime-local text comes in; instants (or null) come out.
 */
export function publishSchema(timeZone: string) {
  return z
    .object({ when: z.string(), publishAt: z.string().trim(), unpublishAt: z.string().trim() })
    .transform(({ when, publishAt: publishText, unpublishAt: unpublishText }, context) => {
      const publishAt = when === 'schedule' ? zonedLocalToUtc(publishText, timeZone) : null;
      const unpublishAt = unpublishText ? zonedLocalToUtc(unpublishText, timeZone) : null;
      if (when === 'schedule' && !publishAt) context.addIssue({ code: 'custom', path: ['publishAt'], message: 'Give the date and time to publish at.' });
      if (unpublishText && !unpublishAt) context.addIssue({ code: 'custom', path: ['unpublishAt'], message: 'That is not a valid date and time.' });
      return { publishAt, unpublishAt };
    });
}

export const articleNoteSchema = z.object({
  kind: z.enum(ARTICLE_NOTE_KINDS, { message: 'Choose correction, clarification or update.' }),
  body: text('The note', 1000, 5),
});
