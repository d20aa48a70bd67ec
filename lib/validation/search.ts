import { z } from 'zod';

import { cleanLine, firstParam, pageParam, queryText } from './common';

export const MAX_QUERY_LENGTH = 200;

/** Removes what a search box has no business sending: NUL and other control characters, runs of spaces. */
export function cleanQuery(raw: string): string {
  return cleanLine(raw, MAX_QUERY_LENGTH);
}

const slug = z.preprocess(firstParam, z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80).optional().catch(undefined));
const day = z.preprocess(firstParam, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`))).optional().catch(undefined));

/**
 * The search page's query string. Never fails: anything malformed is dropped, so hostile input degrades to an
 * ordinary (or empty) search rather than an error page.
 */
export const searchParamsSchema = z.object({
  q: queryText(MAX_QUERY_LENGTH),
  section: slug,
  author: slug,
  from: day,
  to: day,
  page: pageParam(500),
  /** "Search instead for" the words as typed: no spelling correction (the link says exact=1). */
  exact: z.preprocess(firstParam, z.literal('1').optional().catch(undefined)).transform((value) => value === '1'),
});

export type SearchInput = z.infer<typeof searchParamsSchema>;

export function parseSearchParams(params: Record<string, string | string[] | undefined>): SearchInput {
  return searchParamsSchema.parse(params);
}
