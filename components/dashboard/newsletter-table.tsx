import Link from 'next/link';

import type { IssueSummary } from '@/data/newsletter-issues';
import { formatDateTime } from '@/lib/format';

import styles from './dashboard-admin.module.css';
import dashboardStyles from './dashboard.module.css';

const STATUS = { draft: 'Draft', scheduled: 'Scheduled', sending: 'Sending', sent: 'Sent' } as const;

/** Every issue with its state and its messages by status (queued, sent, failed). */
export function NewsletterTable({ issues, timeZone }: { issues: IssueSummary[]; timeZone: string }) {
  if (issues.length === 0) return <p>No issues yet.</p>;
  return (
    <div className={styles.tableWrap}>
      <table className={dashboardStyles.table}>
        <caption className="visually-hidden">Newsletter issues, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Newsletter</th>
            <th scope="col">Status</th>
            <th scope="col">Queued</th>
            <th scope="col">Sent</th>
            <th scope="col">Failed</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr key={issue.id}>
              <td>
                <Link href={`/dashboard/newsletters/${issue.id}`}>{issue.subject}</Link>
              </td>
              <td>{issue.listName}</td>
              <td>
                {STATUS[issue.status]}
                {issue.status === 'scheduled' && issue.scheduledFor ? ` for ${formatDateTime(issue.scheduledFor, timeZone)}` : ''}
              </td>
              <td>{issue.counts.queued}</td>
              <td>{issue.counts.sent}</td>
              <td>{issue.counts.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
