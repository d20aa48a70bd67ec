import { Link } from '@/components/ui/link';

import common from '@/components/ui/common.module.css';
import { listMostRead } from '@/data/most-read';

import { articleHref } from './article-card';
import styles from './most-read.module.css';

/** The "Most read" rail: the stories read most in the last 24 hours, numbered (front page and article sidebar). */
export async function MostRead({ exclude }: { exclude?: number } = {}) {
  const stories = (await listMostRead()).filter((story) => story.id !== exclude);
  if (stories.length === 0) return null;
  return (
    <section className={styles.mostRead} aria-labelledby="most-read-title">
      <h2 id="most-read-title" className={common.railTitle}>
        Most read
      </h2>
      <ol className={styles.list}>
        {stories.map((story) => (
          <li key={story.id} className={styles.item}>
            <Link href={articleHref(story)} className={styles.link}>
              {story.headline}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
