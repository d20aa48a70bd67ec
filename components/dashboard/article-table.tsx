import Link from 'next/link';

import common from '@/components/ui/common.module.css';
import { DateTime } from '@/components/ui/date-time';
import formStyles from '@/components/ui/form.module.css';
import type { DeskRow } from '@/data/article-desk';
import { DESK_STATE_LABELS } from '@/data/desk-state';

import dashboardStyles from './dashboard.module.css';

/** Stories on the desk: headline (to the editor), state, section, authors, last save, readers' views. */
export function ArticleTable({ rows, caption }: { rows: DeskRow[]; caption: string }) {
  if (rows.length === 0) return <p className={common.empty}>No stories here.</p>;
  return (
    <table className={dashboardStyles.table}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">State</th>
          <th scope="col">Section</th>
          <th scope="col">Authors</th>
          <th scope="col">Last saved</th>
          <th scope="col">Published</th>
          <th scope="col">
            Views <span className={formStyles.hint}>24 h (total)</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link href={`/dashboard/articles/${row.id}`}>{row.headline}</Link>
            </td>
            <td>
              <span className={`status-badge ${common.statusBadge}`}>{DESK_STATE_LABELS[row.state]}</span>
              {row.hasPendingChanges && <span className={formStyles.hint}> unpublished changes</span>}
            </td>
            <td>{row.sectionName}</td>
            <td>{row.authors.join(', ') || '—'}</td>
            <td>
              {row.lastSavedAt ? <DateTime iso={row.lastSavedAt} /> : '—'}
              {row.lastSavedBy && <span className={formStyles.hint}> by {row.lastSavedBy}</span>}
            </td>
            <td>{row.publishedAt ? <DateTime iso={row.publishedAt} /> : '—'}</td>
            <td className="article-views">
              {formatCount(row.views.day)} <span className={formStyles.hint}>({formatCount(row.views.total)})</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const COUNT_FORMAT = new Intl.NumberFormat('en-GB');
const formatCount = (value: number) => COUNT_FORMAT.format(value);
