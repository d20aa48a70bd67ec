'use client';

import { startTransition, useOptimistic, useState } from 'react';

import { postCommentAction, type CommentActionResult } from '@/actions/comments';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';
import { ScriptMarker } from '@/components/ui/script-marker';
import { COMMENT_MAX, COMMENT_MIN } from '@/lib/comment-text';

import { CommentBody } from './comment-body';
import styles from './comments.module.css';
import { NEW_COMMENT_FORM_ID, replyFormId } from './form-ids';

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
          <span id={errorId} className={formStyles.error}>
            {errors.join(' ')}
          </span>
        )}
        <span id={`${id}-count`} className={styles.formCount} aria-live="polite">
          {length.toLocaleString('en-GB')} / {COMMENT_MAX.toLocaleString('en-GB')}
        </span>
    </>
  );
}

/**
 * Posts a comment or reply. Without JavaScript it is a plain form post. With it, the comment shows at once as
 * "posting" (optimistic) until the server answers with the page rendered again, where it then stands (a held one
 * marked as awaiting moderation, for its author only); errors appear beside the field with the text kept.
 */
export function CommentForm({ articleId, parentId, label, authorName, returnTo }: { articleId: number; parentId?: number; label: string; authorName: string; returnTo: string }) {
  const formId = parentId ? replyFormId(parentId) : NEW_COMMENT_FORM_ID;
  const [state, action, pending] = useFormAction(postCommentAction, formId, initial);
  const [posting, addPosting] = useOptimistic<string[], string>([], (list, body) => [...list, body]);
  const id = `comment-body-${parentId ?? 'new'}`;
  return (
    <>
      <form
        id={formId}
        action={action}
        className={`comment-form ${styles.form}`}
        onSubmit={(event) => {
          event.preventDefault();
          const formData = new FormData(event.currentTarget);
          const body = String(formData.get('body') ?? '').trim();
          startTransition(() => {
            if (body.length >= COMMENT_MIN) addPosting(body);
            action(formData);
          });
        }}
      >
        <FormIdField id={formId} />
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <ScriptMarker />
        {parentId && <input type="hidden" name="parentId" value={parentId} />}
        {state.ok && (
          <p className={formStyles.formSuccess} role="status">
            {state.status === 'pending' ? 'Thank you. Your comment is awaiting moderation: only you can see it until a moderator approves it.' : 'Your comment has been posted.'}
          </p>
        )}
        {state.formError && (
          <p className={formStyles.formError} role="alert">
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
      {posting.length > 0 && (
        <ol className={`comments__list ${styles.list}`} aria-label="Being posted">
          {posting.map((body, index) => (
            <li key={index} className={`comment ${styles.comment} ${styles.posting}`}>
              <p className={`comment__meta ${styles.meta}`}>
                <strong>{authorName}</strong> <span>Posting…</span>
              </p>
              <CommentBody body={body} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
