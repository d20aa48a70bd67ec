import { hasBidiControl, hasVisibleText, shortName, withoutInvisible } from './common';

/**
 * A person's display name: shown beside their comments, so it must show something, keep its reading order, and
 * not pass for the newsroom. The last rule needs the staff list: data/display-names.ts checks it with looksLikeAnyOf.
 */

/** Letters of other scripts that NFKC leaves alone but that look like Latin ones ("Аdmin" with a Cyrillic А). */
const LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'm', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};

/**
 * What a name looks like, for telling apart names a reader could confuse: NFKC (full-width and styled letters become
 * plain ones), case-folded, look-alike letters of other scripts made Latin, invisible characters removed, and spaces
 * and punctuation dropped, so "D.E.M.O admin", "ＤｅｍｏＡｄｍｉｎ" and "Demo\u200b Admin" are all "demoadmin".
 */
export function nameKey(name: string): string {
  const folded = withoutInvisible(name.normalize('NFKC')).toLowerCase().normalize('NFKC');
  return [...folded]
    .map((character) => LOOKALIKES[character] ?? character)
    .join('')
    .replace(/[\p{White_Space}\p{P}\p{S}]/gu, '');
}

/** Names nobody outside the newsroom may take (the site's own name is added where the environment is read). */
export const RESERVED_NAMES = [
  'admin',
  'administrator',
  'moderator',
  'mod',
  'editor',
  'editors',
  'staff',
  'newsroom',
  'support',
  'system',
  'official',
  'Demo Admin',
  'Demo Editor',
  'Demo Contributor',
] as const;

/** Whether `name` looks like one of the reserved names or one of `others` (staff names, the site's name). */
export function looksLikeAnyOf(name: string, others: readonly string[]): boolean {
  const key = nameKey(name);
  return [...RESERVED_NAMES, ...others].some((other) => nameKey(other) === key);
}

/** What a form says of a name that would pass for the newsroom or one of its staff. */
export const DISPLAY_NAME_TAKEN = 'That name belongs to the newsroom or one of its staff. Choose a name of your own.';

/**
 * The schema rule of a display name: a short name that shows something, with no bidirectional controls. Whether it
 * passes for the newsroom is checked with the staff list (data/display-names.ts).
 */
export const displayName = shortName
  .refine(hasVisibleText, { message: 'Use visible characters, not only spaces or invisible ones.' })
  .refine((value) => !hasBidiControl(value), { message: 'Text-direction control characters are not allowed.' });
