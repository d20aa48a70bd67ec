import { createHmac, timingSafeEqual } from 'node:crypto';

import type { FormFlash } from './form-id';

export { FORM_ID_FIELD, type FormFlash } from './form-id';

/**
 * A form's answer carried across a redirect, for forms posted without JavaScript (docs/adr/0030).
 *
 * Next cannot render the page a script-less form was posted to with the action's result (its resume drops it), so
 * such a post is answered the classic way: the result goes into a short-lived cookie for the page the form is on,
 * and a 303 sends the browser back there; the page gives the result to the form it names. The cookie is signed
 * (a forged one could put words on the site's page) and small: an answer too big for it (a refused comment and its
 * text) is kept in the database for as long and the cookie names it (data/form-results.ts).
 */
export const FORM_FLASH_COOKIE = 'form-result';
/** Long enough for the redirect, short enough that a later visit does not show an old answer. */
export const FORM_FLASH_SECONDS = 30;
/** Browsers keep cookies up to 4,096 bytes, name and attributes included. */
const MAX_VALUE_BYTES = 3_500;
const FORM_ID = /^[a-z][a-z0-9-]{0,39}$/;

export function isFormId(value: string): boolean {
  return FORM_ID.test(value);
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`form-flash\0${payload}`).digest('base64url');
}

/** What the cookie carries: the answer itself, or the id of the row that keeps one too big for a cookie. */
export type FlashCookie = FormFlash | { form: string; ref: string };
const REF = /^[A-Za-z0-9_-]{43}$/;

/** The cookie's value for the whole answer (or for the id of the row that keeps it), or null when it does not fit. */
export function encodeFormFlash(secret: string, content: FlashCookie): string | null {
  const payload = Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
  const value = `${payload}.${sign(secret, payload)}`;
  return value.length <= MAX_VALUE_BYTES ? value : null;
}

/**
 * The answer without what was typed (its field messages too, if need be), for when the whole answer neither fits
 * in a cookie nor could be kept in the database. Null when even the form's message does not fit.
 */
export function encodeFormFlashMessages(secret: string, flash: FormFlash): string | null {
  const { ok, formError, fieldErrors } = flash.result;
  return encodeFormFlash(secret, { form: flash.form, result: { ok, formError, fieldErrors } }) ?? encodeFormFlash(secret, { form: flash.form, result: { ok, formError } });
}

/** What a cookie carries, or null for anything not signed by this site or not shaped like one. */
export function decodeFormFlash(secret: string, value: string | undefined): FlashCookie | null {
  if (!value) return null;
  const [payload, signature, ...rest] = value.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { form?: unknown; result?: { ok?: unknown }; ref?: unknown };
    if (typeof parsed.form !== 'string' || !isFormId(parsed.form)) return null;
    if (typeof parsed.ref === 'string') return REF.test(parsed.ref) ? { form: parsed.form, ref: parsed.ref } : null;
    if (typeof parsed.result !== 'object' || parsed.result === null || typeof parsed.result.ok !== 'boolean') return null;
    return { form: parsed.form, result: parsed.result as FormFlash['result'] };
  } catch {
    return null;
  }
}

/** Where to send the browser back to: the page the form was on (same origin only), else the front page. */
export function backPath(referer: string | null, siteOrigins: readonly string[], host: string | null): string {
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    const sameSite = siteOrigins.includes(url.origin) || (host !== null && url.host === host);
    return sameSite && url.pathname.startsWith('/') && !url.pathname.startsWith('//') ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}
