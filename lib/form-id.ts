import type { ActionResult } from './action-result';

/**
 * What the browser's side of the no-JavaScript answer needs (components/ui/form-result.tsx): no Node modules here,
 * since a client component imports it (lib/form-flash.ts, which signs, does not belong in the browser's bundle).
 */

/** The hidden field that names a form, so that only that form on the page shows the answer. */
export const FORM_ID_FIELD = 'form-id';

export type FormFlash = { form: string; result: ActionResult<object, unknown> };
