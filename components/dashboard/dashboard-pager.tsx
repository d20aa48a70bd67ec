import Link from 'next/link';

import styles from './dashboard-admin.module.css';

/** Previous/next links for a dashboard list; keeps the other query parameters. */
export function DashboardPager({ path, page, pageCount, query }: { path: string; page: number; pageCount: number; query: Record<string, string | undefined> }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    if (target > 1) params.set('page', String(target));
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  return (
    <nav className={styles.pager} aria-label="Pages">
      {page > 1 ? <Link href={href(page - 1)}>← Previous</Link> : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Next →</Link> : null}
    </nav>
  );
}
