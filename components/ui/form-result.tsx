'use client';

import { createContext, useActionState, useContext } from 'react';

import { type ActionResult, initialActionResult } from '@/lib/action-result';
import { FORM_ID_FIELD, type FormFlash } from '@/lib/form-id';

/**
 * Forms that answer the same with and without JavaScript (docs/adr/0030). With a script, useActionState gets the
 * action's result as usual. Without one, the action sends the result back in a signed cookie and redirects to the
 * page (lib/form-flash.ts); the root layout reads it and hands it here, and the form it names starts from it.
 */
const FlashedResult = createContext<FormFlash | null>(null);

export function FormFlashProvider({ flash, children }: { flash: FormFlash | null; children: React.ReactNode }) {
  return <FlashedResult.Provider value={flash}>{children}</FlashedResult.Provider>;
}

/** useActionState for a form named `formId` (put <FormIdField id={formId} /> inside it). */
export function useFormAction(action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>, formId: string) {
  const flash = useContext(FlashedResult);
  return useActionState(action, flash?.form === formId ? (flash.result as ActionResult) : initialActionResult);
}

/** Names the form, so that the answer to a post without JavaScript comes back to it and to no other form. */
export function FormIdField({ id }: { id: string }) {
  return <input type="hidden" name={FORM_ID_FIELD} value={id} />;
}
