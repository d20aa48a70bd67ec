import { confirmHref } from '@/lib/confirm-href';

import { ConfirmLink } from './confirm';
import styles from './dashboard-admin.module.css';

/**
 * Delete an empty section: the button only asks (the page's ?confirm=delete says what happens and does it). A section
 * with articles (drafts included) offers no button, only the reason; the action refuses it too.
 */
export function SectionDeleteForm({ id, name, articleCount }: { id: number; name: string; articleCount: number }) {
  return (
    <section className={`${styles.panel} ${styles.danger}`} aria-labelledby="section-delete-title">
      <h2 id="section-delete-title">Delete section</h2>
      <p>
        {articleCount === 0
          ? `No article is filed in “${name}”: it can be deleted.`
          : `${articleCount} ${articleCount === 1 ? 'article is' : 'articles are'} filed in “${name}”. Move them to another section before deleting it.`}
      </p>
      {articleCount === 0 && <ConfirmLink href={confirmHref(`/dashboard/sections/${id}`, 'delete')}>Delete “{name}”…</ConfirmLink>}
    </section>
  );
}
