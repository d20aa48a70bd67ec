/**
 * The tag field's comma list, one tag at a time: which tag the caret is in, the existing tags that fit it, and the
 * list with a chosen suggestion in its place. Pure: the field (components/dashboard/tag-field.tsx) and tests use it.
 */

export type TagToken = { start: number; end: number; text: string };

/** The tag the caret is in: from after the comma before it to the next comma, without surrounding spaces. */
export function tokenAt(value: string, caret: number): TagToken {
  const at = Math.max(0, Math.min(caret, value.length));
  let start = value.lastIndexOf(',', at - 1) + 1;
  let end = value.indexOf(',', at);
  if (end === -1) end = value.length;
  while (start < end && /\s/.test(value[start]!)) start++;
  let last = end;
  while (last > start && /\s/.test(value[last - 1]!)) last--;
  return { start, end: last, text: value.slice(start, last) };
}

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/**
 * Existing tags for the tag being typed: those starting with it first, then those containing it, leaving out the
 * tags already in the list. Nothing for an empty tag.
 */
export function suggestTags(tags: readonly string[], value: string, caret: number, limit = 8): string[] {
  const token = fold(tokenAt(value, caret).text);
  if (!token) return [];
  const chosen = new Set(value.split(',').map(fold).filter(Boolean));
  // Two tags may share a name (their addresses differ): offer the name once.
  const names = [...new Map(tags.map((tag) => [fold(tag), tag])).values()];
  const candidates = names.filter((tag) => !chosen.has(fold(tag)) || fold(tag) === token);
  const starts = candidates.filter((tag) => fold(tag).startsWith(token));
  const contains = candidates.filter((tag) => !fold(tag).startsWith(token) && fold(tag).includes(token));
  return [...starts, ...contains].filter((tag) => fold(tag) !== token || starts.length > 1).slice(0, limit);
}

/** The list with `tag` in place of the tag at the caret, followed by ", " for the next one; and where the caret goes. */
export function replaceToken(value: string, caret: number, tag: string): { value: string; caret: number } {
  const token = tokenAt(value, caret);
  const before = value.slice(0, token.start);
  const after = value.slice(token.end).replace(/^\s*,?\s*/, '');
  const head = `${before}${before && !/\s$/.test(before) ? ' ' : ''}${tag}, `;
  return { value: after ? `${head}${after}` : head, caret: head.length };
}
