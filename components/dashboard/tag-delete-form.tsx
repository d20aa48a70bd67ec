import { confirmHref } from '@/lib/confirm-href';

import { ConfirmLink } from './confirm';
import styles from './dashboard-admin.module.css';

/** Delete a tag: its articles simply lose it. The button only asks (the page's ?confirm=delete does it). */
export function TagDeleteForm({ tag }: { tag: { id: number; name: string; articleCount: number } }) {
  return (
    <section className={`${styles.panel} ${styles.danger}`} aria-labelledby="tag-delete-title">
      <h2 id="tag-delete-title">Delete tag</h2>
      <p>{tag.articleCount === 0 ? 'No article uses this tag.' : `${tag.articleCount} ${tag.articleCount === 1 ? 'article loses' : 'articles lose'} this tag; the articles themselves stay.`}</p>
      <ConfirmLink href={confirmHref(`/dashboard/tags/${tag.id}`, 'delete')}>Delete “{tag.name}”…</ConfirmLink>
    </section>
  );
}
