'use client';

import { useActionState } from 'react';

import { deleteTagAction } from '@/actions/tags';
import { initialActionResult } from '@/lib/action-result';

import styles from './dashboard-admin.module.css';

/** Delete a tag: its articles simply lose it. */
export function TagDeleteForm({ tag }: { tag: { id: number; name: string; articleCount: number } }) {
  const [state, action, pending] = useActionState(deleteTagAction, initialActionResult);
  return (
    <form action={action} className={`${styles.panel} ${styles.danger}`} aria-labelledby="tag-delete-title">
      <h2 id="tag-delete-title">Delete tag</h2>
      {state.formError && (
        <p className="form-error" role="alert">
          {state.formError}
        </p>
      )}
      <p>{tag.articleCount === 0 ? 'No article uses this tag.' : `${tag.articleCount} ${tag.articleCount === 1 ? 'article loses' : 'articles lose'} this tag; the articles themselves stay.`}</p>
      <input type="hidden" name="id" value={tag.id} />
      <button type="submit" className={styles.dangerButton} disabled={pending}>
        Delete “{tag.name}”
      </button>
    </form>
  );
}
