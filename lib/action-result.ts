import type { z } from 'zod';

/**
 * What every form action returns: field errors beside their inputs, a form-level message, and safe echoes. An area
 * that needs more (an article's version, a comment's status) extends it with `Extra`; the story editor echoes its
 * multi-selects, so its `values` hold lists too (`Value`).
 */
export type ActionResult<Extra extends object = object, Value = string> = {
  ok: boolean;
  formError?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Values to put back in the form after an error (never passwords). */
  values?: Record<string, Value>;
} & Extra;

export const initialActionResult: ActionResult = { ok: false };

export function fromZodError(error: z.ZodError, values: Record<string, string>): ActionResult {
  const flat = error.flatten();
  return { ok: false, fieldErrors: flat.fieldErrors as Record<string, string[] | undefined>, formError: 'Please correct the highlighted fields.', values };
}
