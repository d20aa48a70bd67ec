'use client';

import { useActionState, useState } from 'react';

import { postCommentAction, type CommentActionResult } from '@/actions/comments';
import { COMMENT_MAX } from '@/lib/comment-text';

const initial: CommentActionResult = { ok: false };

/** The text box and its live counter; remounted (and so emptied) after a successful post. */
function CommentTextarea({ id, parentId, initial, errors }: { id: string; parentId?: number; initial: string; errors?: string[] }) {
  const [length, setLength] = useState(initial.length);
  const errorId = `${id}-error`;
  return (
    <>
      <textarea
        id={id}
        name="body"
        rows={parentId ? 3 : 5}
        maxLength={COMMENT_MAX}
        defaultValue={initial}
        aria-invalid={errors ? true : undefined}
        aria-describedby={`${id}-count${errors ? ` ${errorId}` : ''}`}
        onChange={(event) => setLength(event.target.value.length)}
        required
      />
      {errors && (
        <span id={errorId} className="field__error">
          {errors.join(' ')}
        </span>
      )}
      <span id={`${id}-count`} className="comment-form__count" aria-live="polite">
        {length.toLocaleString('en-GB')} / {COMMENT_MAX.toLocaleString('en-GB')}
      </span>
    </>
  );
}

/** Posts a comment or reply. Without JavaScript it is a plain form post; with it, errors appear beside the field. */
export function CommentForm({ articleId, parentId, label }: { articleId: number; parentId?: number; label: string }) {
  const [state, action, pending] = useActionState(postCommentAction, initial);
  const id = `comment-body-${parentId ?? 'new'}`;
  return (
    <form action={action} className="comment-form">
      <input type="hidden" name="articleId" value={articleId} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      {state.ok && (
        <p className="form-success" role="status">
          {state.status === 'pending' ? 'Thank you. Your comment is awaiting moderation and will appear once a moderator approves it.' : 'Your comment has been posted.'}
        </p>
      )}
      {state.formError && (
        <p className="form-error" role="alert">
          {state.formError}
        </p>
      )}
      <label htmlFor={id}>{label}</label>
      {/* A successful post clears the box; an error keeps what was typed. */}
      <CommentTextarea key={state.ok ? `posted-${state.commentId}` : 'draft'} id={id} parentId={parentId} initial={state.ok ? '' : (state.body ?? '')} errors={state.fieldErrors?.body} />
      <button type="submit" disabled={pending}>
        {pending ? 'Posting…' : parentId ? 'Post reply' : 'Post comment'}
      </button>
    </form>
  );
}
