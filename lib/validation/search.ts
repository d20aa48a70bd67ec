import { z } from 'zod';

export const MAX_QUERY_LENGTH = 200;

/** Removes what a search box has no business sending: NUL and other control characters, runs of spaces. */
export function cleanQuery(raw: string): string {
  return raw
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const slug = z.preprocess(one, z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80).optional().catch(undefined));
const day = z.preprocess(one, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`))).optional().catch(undefined));

/**
 * The search page's query string. Never fails: anything malformed is dropped, so hostile input degrades to an
 * ordinary (or empty) search rather than an error page.
 */
export const searchParamsSchema = z.object({
  q: z.preprocess((value) => cleanQuery(String(one(value) ?? '')), z.string()),
  section: slug,
  author: slug,
  from: day,
  to: day,
  page: z.preprocess(one, z.coerce.number().int().min(1).max(500).catch(1)).default(1),
});

export type SearchInput = z.infer<typeof searchParamsSchema>;

export function parseSearchParams(params: Record<string, string | string[] | undefined>): SearchInput {
  return searchParamsSchema.parse(params);
}
