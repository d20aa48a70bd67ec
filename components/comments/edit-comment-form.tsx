'use client';

import { useEffect, useRef } from 'react';

import { editCommentAction, type CommentActionResult } from '@/actions/comments';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';
import { ScriptMarker } from '@/components/ui/script-marker';
import { COMMENT_MAX } from '@/lib/comment-text';

import styles from './comments.module.css';
import { editFormId } from './form-ids';

const initial: CommentActionResult = { ok: false };

export function EditCommentForm({ commentId, body, returnTo }: { commentId: number; body: string; returnTo: string }) {
  const formId = editFormId(commentId);
  const [state, action, pending] = useFormAction(editCommentAction, formId, initial);
  const id = `edit-comment-${commentId}`;
  const form = useRef<HTMLFormElement>(null);
  // Saved and published: the comment above shows the new text, so the Edit panel closes (a held edit keeps it open
  // for its message). Without JavaScript the post returns to the story, where it is closed anyway.
  useEffect(() => {
    if (state.ok && state.status === 'published') form.current?.closest('details')?.removeAttribute('open');
  }, [state]);
  return (
    <form ref={form} id={formId} action={action} className={`comment-form ${styles.form}`}>
      <FormIdField id={formId} />
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <ScriptMarker />
      {state.ok && (
        <p className={formStyles.formSuccess} role="status">
          {state.status === 'pending' ? 'Saved. The edited comment is awaiting moderation.' : 'Your comment has been updated.'}
        </p>
      )}
      {state.formError && (
        <p className={formStyles.formError} role="alert">
          {state.formError}
        </p>
      )}
      <label htmlFor={id}>Edit your comment</label>
      <textarea id={id} name="body" rows={4} maxLength={COMMENT_MAX} defaultValue={state.body ?? body} aria-invalid={state.fieldErrors?.body ? true : undefined} required />
      {state.fieldErrors?.body && <span className={formStyles.error}>{state.fieldErrors.body.join(' ')}</span>}
      <button type="submit" disabled={pending}>
        Save changes
      </button>
    </form>
  );
}
