'use client';

import { useActionState } from 'react';

import { deleteSectionAction } from '@/actions/sections';
import { initialActionResult } from '@/lib/action-result';

import styles from './dashboard-admin.module.css';

/** Delete an empty section; a section with articles (drafts included) is refused with the reason. */
export function SectionDeleteForm({ id, name, articleCount }: { id: number; name: string; articleCount: number }) {
  const [state, action, pending] = useActionState(deleteSectionAction, initialActionResult);
  return (
    <form action={action} className={`${styles.panel} ${styles.danger}`} aria-labelledby="section-delete-title">
      <h2 id="section-delete-title">Delete section</h2>
      {state.formError && (
        <p className="form-error" role="alert">
          {state.formError}
        </p>
      )}
      <p>
        {articleCount === 0
          ? `No article is filed in “${name}”: it can be deleted.`
          : `${articleCount} ${articleCount === 1 ? 'article is' : 'articles are'} filed in “${name}”. Move them to another section before deleting it.`}
      </p>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={styles.dangerButton} disabled={pending}>
        Delete “{name}”
      </button>
    </form>
  );
}
