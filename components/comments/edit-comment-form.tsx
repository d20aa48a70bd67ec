'use client';

import { useActionState } from 'react';

import { editCommentAction, type CommentActionResult } from '@/actions/comments';
import { ScriptMarker } from '@/components/ui/script-marker';
import { COMMENT_MAX } from '@/lib/comment-text';

const initial: CommentActionResult = { ok: false };

export function EditCommentForm({ commentId, body, returnTo }: { commentId: number; body: string; returnTo: string }) {
  const [state, action, pending] = useActionState(editCommentAction, initial);
  const id = `edit-comment-${commentId}`;
  return (
    <form action={action} className="comment-form">
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <ScriptMarker />
      {state.ok && (
        <p className="form-success" role="status">
          {state.status === 'pending' ? 'Saved. The edited comment is awaiting moderation.' : 'Your comment has been updated.'}
        </p>
      )}
      {state.formError && (
        <p className="form-error" role="alert">
          {state.formError}
        </p>
      )}
      <label htmlFor={id}>Edit your comment</label>
      <textarea id={id} name="body" rows={4} maxLength={COMMENT_MAX} defaultValue={state.body ?? body} aria-invalid={state.fieldErrors?.body ? true : undefined} required />
      {state.fieldErrors?.body && <span className="field__error">{state.fieldErrors.body.join(' ')}</span>}
      <button type="submit" disabled={pending}>
        Save changes
      </button>
    </form>
  );
}
