import type { z } from 'zod';

/** What every form action returns: field errors beside their inputs, a form-level message, and safe echoes. */
export type ActionResult = {
  ok: boolean;
  formError?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Values to put back in the form after an error (never passwords). */
  values?: Record<string, string>;
};

export const initialActionResult: ActionResult = { ok: false };

export function fromZodError(error: z.ZodError, values: Record<string, string>): ActionResult {
  const flat = error.flatten();
  return { ok: false, fieldErrors: flat.fieldErrors as Record<string, string[] | undefined>, formError: 'Please correct the highlighted fields.', values };
}
