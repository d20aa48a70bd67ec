'use client';

import { subscribeAction } from '@/actions/newsletters';
import auth from '@/components/auth/auth.module.css';
import { Field } from '@/components/ui/field';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import { ListChoices, type ListChoice } from './list-choices';

/**
 * Anyone: newsletters by e-mail, confirmed by a link (the answer never says whether the address was subscribed).
 * `sent`: the action redirected back after a request (?sent=1), with or without JavaScript.
 */
export function SubscribeForm({ choices, sent }: { choices: ListChoice[]; sent: boolean }) {
  const [state, action, pending] = useFormAction(subscribeAction, 'subscribe');
  const checked = new Set((state.values?.lists ?? 'daily').split(' '));
  return (
    <form action={action} className={auth.form} noValidate aria-labelledby="subscribe-title">
      <FormIdField id="subscribe" />
      <h2 id="subscribe-title">Subscribe</h2>
      {sent && (
        <p className={formStyles.formSuccess} role="status">
          Check your inbox: we sent a link to confirm your subscription. Nothing is sent until you click it.
        </p>
      )}
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <Field name="email" label="E-mail address" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <ListChoices legend="Newsletters" choices={choices} checked={checked} errors={state.fieldErrors?.lists} />
      <button type="submit" disabled={pending}>
        Subscribe
      </button>
    </form>
  );
}
