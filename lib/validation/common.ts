import { z } from 'zod';

/**
 * The rules every form and query string shares, written once: what a database id looks like, which characters
 * text may hold, and how a page's query string is read leniently.
 */

/** The largest PostgreSQL `integer`: a serial id above it would be refused by the database with an error. */
export const MAX_SERIAL_ID = 2_147_483_647;

/** A positive integer written canonically: no sign, no leading zero, no exponent, no spaces, at most ten digits. */
const CANONICAL_ID = /^[1-9][0-9]{0,9}$/;

/** A serial id from a URL or hidden field (canonical digits), or from code (a number), or undefined. */
export function parseSerialId(value: unknown): number | undefined {
  const id = typeof value === 'string' && CANONICAL_ID.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= MAX_SERIAL_ID ? id : undefined;
}

/**
 * A serial (int4) id: canonical digits from a form or URL, or a number from code. A huge or odd-looking number is
 * refused here rather than by PostgreSQL; `message` is what the form says when it is.
 */
export const serialId = (message = 'Unknown record.') =>
  z.union([z.string(), z.number()], { message }).transform((value, context) => {
    const id = parseSerialId(value);
    if (id === undefined) {
      context.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return id;
  });

/** A serial id or, from an empty pick ('' or absent), null. */
export const optionalSerialId = (message?: string) => z.preprocess((value) => (value === '' || value === undefined ? null : value), serialId(message).nullable());

/** Control characters text may never hold: C0 except tab, line feed and carriage return; DEL; C1. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** One-line fields (names, titles, alt text) take no tab or line break either. */
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * For text that may run over several lines (bodies, notes, biographies). Control characters are refused rather than
 * stripped, so nothing a person typed is silently changed.
 */
export function isPlainText(value: string): boolean {
  return !CONTROL_IN_TEXT.test(value);
}

/** For one-line fields: plain text without tabs or line breaks. */
export function isOneLine(value: string): boolean {
  return !CONTROL_IN_LINE.test(value);
}

/** Bidirectional controls (embeddings, overrides, isolates, marks): they reorder what is shown after them. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
/**
 * Characters that show nothing: format characters (zero-width space, joiners, soft hyphen, word joiner, byte-order
 * mark …), variation selectors, and the blanks that are letters by category (Hangul fillers, braille blank).
 */
const INVISIBLE = /[\p{Cf}\p{Mn}\u115f\u1160\u3164\uffa0\u2800\ufe00-\ufe0f]/gu;

/** Whether text holds a bidirectional control character. */
export function hasBidiControl(value: string): boolean {
  return BIDI_CONTROL.test(value);
}

/** `value` without the characters that show nothing (see INVISIBLE). */
export function withoutInvisible(value: string): string {
  return value.replace(INVISIBLE, '');
}

/** Whether text shows something: at least one character that is neither invisible nor white space. */
export function hasVisibleText(value: string): boolean {
  return /\S/u.test(withoutInvisible(value).replace(/\p{White_Space}/gu, ''));
}

/** A short name on one line: a person's display name, a section's or a tag's. */
export const shortName = z
  .string()
  .trim()
  .min(2, { message: 'Use at least 2 characters.' })
  .max(60, { message: 'Use at most 60 characters.' })
  .refine(isOneLine, { message: 'Control characters are not allowed.' });

/** A short description (a section's or a tag's), line breaks allowed. */
export const shortDescription = z
  .string()
  .trim()
  .max(300, { message: 'Use at most 300 characters.' })
  .refine(isPlainText, { message: 'Control characters are not allowed.' });

/**
 * What a search box or filter may keep of its input: control characters become spaces, runs of spaces one, and the
 * result is cut to `max`. Used where input is cleaned rather than refused (a query string never fails).
 */
export function cleanLine(raw: string, max: number): string {
  return raw.replace(new RegExp(CONTROL_IN_LINE, 'g'), ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** A query-string value as one string: the first of a repeated parameter. */
export const firstParam = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A query-string filter text, cleaned by `cleanLine`; absent is ''. Never fails. */
export const queryText = (max: number) => z.preprocess((value) => cleanLine(String(firstParam(value) ?? ''), max), z.string());

/** A page number in a query string, 1 to `max`; anything else is the first page. Never fails. */
export const pageParam = (max: number) => z.preprocess(firstParam, z.coerce.number().int().min(1).max(max).catch(1)).default(1);
