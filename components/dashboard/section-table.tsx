import Link from 'next/link';

import { moveSectionAction } from '@/actions/sections';
import type { DashboardSection } from '@/data/sections';

import styles from './dashboard-admin.module.css';
import dashboardStyles from './dashboard.module.css';

function MoveButton({ section, direction }: { section: DashboardSection; direction: 'up' | 'down' }) {
  return (
    <form action={moveSectionAction} className={styles.inline}>
      <input type="hidden" name="id" value={section.id} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className={`${styles.small} ${styles.secondary}`} aria-label={`Move ${section.name} ${direction}`}>
        {direction === 'up' ? '↑' : '↓'}
      </button>
    </form>
  );
}

/** Sections in navigation order, with their article counts and reorder buttons. */
export function SectionTable({ sections }: { sections: DashboardSection[] }) {
  if (sections.length === 0) return <p>No sections yet.</p>;
  return (
    <div className={styles.tableWrap}>
      <table className={dashboardStyles.table}>
        <caption className="visually-hidden">Sections in navigation order</caption>
        <thead>
          <tr>
            <th scope="col">Position</th>
            <th scope="col">Name</th>
            <th scope="col">Address</th>
            <th scope="col">Articles</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section, index) => (
            <tr key={section.id}>
              <td>{section.position}</td>
              <td>
                <Link href={`/dashboard/sections/${section.id}`}>{section.name}</Link>
              </td>
              <td>
                <a href={`/${section.slug}`} className={styles.code}>
                  /{section.slug}
                </a>
              </td>
              <td>{section.articleCount}</td>
              <td>
                <span className={styles.actions}>
                  {index > 0 && <MoveButton section={section} direction="up" />}
                  {index < sections.length - 1 && <MoveButton section={section} direction="down" />}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
