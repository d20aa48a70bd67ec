'use client';

import { reportCommentAction } from '@/actions/comments';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';
import { initialActionResult } from '@/lib/action-result';
import { COMMENT_REPORT_REASONS, COMMENT_REPORT_REASON_LABELS } from '@/lib/editorial';
import { REPORT_NOTE_MAX } from '@/lib/validation/comments';

import styles from './comments.module.css';
import { reportFormId } from './form-ids';

/** Reports a comment to the moderators with a reason and an optional note. Works without JavaScript. */
export function ReportForm({ commentId }: { commentId: number }) {
  const formId = reportFormId(commentId);
  const [state, action, pending] = useFormAction(reportCommentAction, formId, initialActionResult);
  if (state.ok) {
    return (
      <p className={formStyles.formSuccess} role="status">
        Thank you. A moderator will look at this comment.
      </p>
    );
  }
  return (
    <form id={formId} action={action} className={`comment-form ${styles.form} ${styles.report}`}>
      <FormIdField id={formId} />
      <input type="hidden" name="commentId" value={commentId} />
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <fieldset aria-describedby={state.fieldErrors?.reason ? `${formId}-reason-error` : undefined}>
        <legend>Why are you reporting this comment?</legend>
        {COMMENT_REPORT_REASONS.map((reason) => (
          <label key={reason} className={styles.reportReason}>
            <input type="radio" name="reason" value={reason} required /> {COMMENT_REPORT_REASON_LABELS[reason]}
          </label>
        ))}
        {state.fieldErrors?.reason && (
          <span id={`${formId}-reason-error`} className={formStyles.error}>
            {state.fieldErrors.reason.join(' ')}
          </span>
        )}
      </fieldset>
      <label htmlFor={`${formId}-note`}>Anything the moderators should know? (optional)</label>
      <textarea id={`${formId}-note`} name="note" rows={2} maxLength={REPORT_NOTE_MAX} defaultValue={state.values?.note ?? ''} aria-invalid={state.fieldErrors?.note ? true : undefined} />
      {state.fieldErrors?.note && <span className={formStyles.error}>{state.fieldErrors.note.join(' ')}</span>}
      <button type="submit" disabled={pending}>
        Send report
      </button>
    </form>
  );
}
