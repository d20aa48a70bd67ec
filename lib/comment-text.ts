import { z } from 'zod';

import { isPlainText } from './validation/common';

export const COMMENT_MIN = 2;
export const COMMENT_MAX = 5000;

export const commentBodySchema = z
  .string()
  .transform((value) => value.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(COMMENT_MIN, { message: `Write at least ${COMMENT_MIN} characters.` })
      .max(COMMENT_MAX, { message: `Keep it under ${COMMENT_MAX.toLocaleString('en-GB')} characters.` })
      .refine(isPlainText, { message: 'The comment contains characters that are not allowed.' }),
  );

export type CommentPiece = { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** Splits a paragraph into text and http(s) links. Rendered by React as text nodes and <a>: never as HTML. */
export function linkify(paragraph: string): CommentPiece[] {
  const pieces: CommentPiece[] = [];
  let last = 0;
  for (const match of paragraph.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const href = raw.replace(TRAILING, '');
    const start = match.index ?? 0;
    if (start > last) pieces.push({ kind: 'text', text: paragraph.slice(last, start) });
    try {
      const url = new URL(href);
      if (url.protocol === 'http:' || url.protocol === 'https:') pieces.push({ kind: 'link', href: url.toString(), text: href });
      else pieces.push({ kind: 'text', text: href });
    } catch {
      pieces.push({ kind: 'text', text: href });
    }
    last = start + href.length;
  }
  if (last < paragraph.length) pieces.push({ kind: 'text', text: paragraph.slice(last) });
  return pieces;
}

/** Paragraphs are separated by blank lines; single newlines stay inside a paragraph. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

export function countLinks(body: string): number {
  return [...body.matchAll(URL_PATTERN)].length;
}
