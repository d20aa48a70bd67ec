'use client';

import { deliverNewsletterIssueAction } from '@/actions/newsletter-issues';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './dashboard-admin.module.css';

/** Send now, schedule for a minute in the newsroom's time zone, or take a scheduled issue back to a draft. */
export function NewsletterDeliveryForm({ id, scheduledLocal, isScheduled, timeZone, subscribers }: { id: number; scheduledLocal: string; isScheduled: boolean; timeZone: string; subscribers: number }) {
  const [state, action, pending] = useFormAction(deliverNewsletterIssueAction, 'issue-delivery');
  const error = state.fieldErrors?.scheduledFor;
  return (
    <form action={action} className={styles.panel} noValidate aria-labelledby="delivery-title">
      <FormIdField id="issue-delivery" />
      <h2 id="delivery-title">Send</h2>
      <p>
        Goes to {subscribers === 1 ? '1 confirmed subscriber' : `${subscribers} confirmed subscribers`} (counted again when it is sent).
      </p>
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <input type="hidden" name="id" value={id} />
      <p className={formStyles.field}>
        <label htmlFor="scheduledFor">Send at ({timeZone})</label>
        <input id="scheduledFor" name="scheduledFor" type="datetime-local" defaultValue={state.values?.scheduledFor ?? scheduledLocal} aria-invalid={error ? true : undefined} aria-describedby={error ? 'scheduledFor-error' : undefined} />
        {error && (
          <span id="scheduledFor-error" className={formStyles.error}>
            {error.join(' ')}
          </span>
        )}
      </p>
      <div className={styles.actions}>
        <button type="submit" name="when" value="schedule" disabled={pending}>
          Schedule
        </button>
        <button type="submit" name="when" value="now" disabled={pending}>
          Send now
        </button>
        {isScheduled && (
          <button type="submit" name="when" value="draft" className={styles.secondary} disabled={pending}>
            Take back to draft
          </button>
        )}
      </div>
    </form>
  );
}
