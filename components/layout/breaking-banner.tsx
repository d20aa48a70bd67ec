import { Link } from '@/components/ui/link';

import { getBreakingNews } from '@/data/breaking-news';

import styles from './breaking-banner.module.css';

/** The breaking-news banner across the public site, while an editor has one up (docs/adr/0013). */
export async function BreakingBanner() {
  const news = await getBreakingNews();
  if (!news) return null;
  return (
    <aside className={styles.banner} aria-label="Breaking news">
      <div className={styles.inner}>
        <strong className={styles.label}>Breaking</strong>{' '}
        {news.href ? (
          <Link href={news.href} className={styles.headline}>
            {news.headline}
          </Link>
        ) : (
          <span className={styles.headline}>{news.headline}</span>
        )}
      </div>
    </aside>
  );
}
