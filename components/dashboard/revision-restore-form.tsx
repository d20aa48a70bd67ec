'use client';

import { restoreRevisionAction, type ArticleActionResult } from '@/actions/articles';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import formStyles from '@/components/ui/form.module.css';

import styles from './revision-diff.module.css';

const initial: ArticleActionResult = { ok: false };

/** Makes an old revision the latest one (as a new revision; nothing is lost). */
export function RevisionRestoreForm({ articleId, version, revisionId, label }: { articleId: number; version: number; revisionId: number; label: string }) {
  const [result, action, pending] = useFormAction(restoreRevisionAction, `restore-${revisionId}`, initial);
  return (
    <form action={action} className={styles.restore}>
      <FormIdField id={`restore-${revisionId}`} />
      <input type="hidden" name="id" value={articleId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <button type="submit" disabled={pending} aria-label={label}>
        Restore
      </button>
      {result.formError && (
        <span className={formStyles.error} role="alert">
          {result.formError}
        </span>
      )}
    </form>
  );
}
