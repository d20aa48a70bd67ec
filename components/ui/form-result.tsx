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

/**
 * useActionState for a form named `formId` (put <FormIdField id={formId} /> inside it, and give the <form> that id
 * when it is far down its page: the answer comes back to the page at #formId).
 */
export function useFormAction<R extends ActionResult<object, unknown>>(action: (previous: Awaited<R>, formData: FormData) => Promise<R>, formId: string, initial: Awaited<R> = initialActionResult as Awaited<R>) {
  const flash = useContext(FlashedResult);
  return useActionState<R, FormData>(action, flash?.form === formId ? (flash.result as Awaited<R>) : initial);
}

/** A <details> around a form, open when the page carries that form's answer (so a refusal is seen without a script). */
export function FormDetails({ formId, className, children }: { formId: string; className?: string; children: React.ReactNode }) {
  const flash = useContext(FlashedResult);
  return (
    <details className={className} open={flash?.form === formId || undefined}>
      {children}
    </details>
  );
}

/** Names the form, so that the answer to a post without JavaScript comes back to it and to no other form. */
export function FormIdField({ id }: { id: string }) {
  return <input type="hidden" name={FORM_ID_FIELD} value={id} />;
}
