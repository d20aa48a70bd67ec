import Link from 'next/link';

import type { DashboardTag } from '@/data/tags';

import styles from './dashboard-admin.module.css';
import dashboardStyles from './dashboard.module.css';

/** Tags by name with their article counts. */
export function TagTable({ tags }: { tags: DashboardTag[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className={dashboardStyles.table}>
        <caption className="visually-hidden">Tags</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Address</th>
            <th scope="col">Articles</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <tr key={tag.id}>
              <td>
                <Link href={`/dashboard/tags/${tag.id}`}>{tag.name}</Link>
              </td>
              <td>
                <a href={`/tag/${tag.slug}`} className={styles.code}>
                  /tag/{tag.slug}
                </a>
              </td>
              <td>{tag.articleCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
