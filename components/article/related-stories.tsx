import { Link } from '@/components/ui/link';

import { listRelatedStories } from '@/data/related';
import common from '@/components/ui/common.module.css';
import { articleHref } from './article-card';
import styles from './article-view.module.css';

/** The "Related stories" sidebar: each item says why it is there. */
export async function RelatedStories({ articleId }: { articleId: number }) {
  const stories = await listRelatedStories(articleId);
  if (stories.length === 0) return null;
  return (
    <section className={styles.related} aria-labelledby="related-title">
      <h2 id="related-title" className={common.railTitle}>
        Related stories
      </h2>
      <ol className={styles.relatedList}>
        {stories.map((story) => (
          <li key={story.id} className={styles.relatedItem}>
            <p className={styles.relatedReason}>{story.reason}</p>
            <h3 className={styles.relatedHeadline}>
              <Link href={articleHref(story)}>{story.headline}</Link>
            </h3>
          </li>
        ))}
      </ol>
    </section>
  );
}
