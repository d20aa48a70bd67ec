'use client';

import { updateOwnNewslettersAction } from '@/actions/newsletters';
import auth from '@/components/auth/auth.module.css';
import { ListChoices, type ListChoice } from '@/components/newsletters/list-choices';
import formStyles from '@/components/ui/form.module.css';
import { FormIdField, useFormAction } from '@/components/ui/form-result';

/**
 * The signed-in reader's newsletters at their account's address; new ones are confirmed by e-mail first. `saved`: the
 * action redirected back after saving (with or without JavaScript).
 */
export function OwnNewslettersForm({ choices, saved }: { choices: ListChoice[]; saved: 'newsletters' | 'newsletters-to-confirm' | null }) {
  const [state, action, pending] = useFormAction(updateOwnNewslettersAction, 'own-newsletters');
  return (
    <form action={action} className={auth.form} aria-labelledby="own-newsletters-title">
      <FormIdField id="own-newsletters" />
      <h2 id="own-newsletters-title">Newsletters</h2>
      {saved && (
        <p className={formStyles.formSuccess} role="status">
          Your newsletters are saved.{saved === 'newsletters-to-confirm' ? ' Check your inbox: we sent a link to confirm the new ones.' : ''}
        </p>
      )}
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <ListChoices legend="Send these to my account’s address" choices={choices} checked={new Set(choices.filter((choice) => choice.state).map((choice) => choice.list))} />
      <button type="submit" disabled={pending}>
        Save newsletters
      </button>
    </form>
  );
}
