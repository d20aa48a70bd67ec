'use client';

import { startTransition, useOptimistic } from 'react';

import { likeCommentAction, type ReactionResult } from '@/actions/comments';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';
import { ScriptMarker } from '@/components/ui/script-marker';

import styles from './comments.module.css';
import { likeFormId } from './form-ids';

const initial: ReactionResult = { ok: false };

/** Like / take back a like. Counts move at once (optimistic); without JavaScript it is a plain form post. */
export function LikeButton({ commentId, liked, count, returnTo }: { commentId: number; liked: boolean; count: number; returnTo: string }) {
  const formId = likeFormId(commentId);
  const [state, action, pending] = useFormAction(likeCommentAction, formId, initial);
  const [shown, setShown] = useOptimistic({ liked, count }, (_current, next: { liked: boolean; count: number }) => next);
  return (
    <form
      id={formId}
      action={action}
      className={styles.like}
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => {
          setShown({ liked: !shown.liked, count: shown.count + (shown.liked ? -1 : 1) });
          action(formData);
        });
      }}
    >
      <FormIdField id={formId} />
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <ScriptMarker />
      <input type="hidden" name="intent" value={shown.liked ? 'unlike' : 'like'} />
      <button type="submit" aria-pressed={shown.liked} disabled={pending} className={styles.likeButton}>
        {shown.liked ? 'Liked' : 'Like'} <span className={`comment__like-count ${styles.likeCount}`}>({shown.count})</span>
      </button>
      {!state.ok && state.formError && (
        <span className={formStyles.error} role="alert">
          {state.formError}
        </span>
      )}
    </form>
  );
}
