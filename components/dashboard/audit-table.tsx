import Link from 'next/link';

import { DateTime } from '@/components/ui/date-time';
import type { AuditEntry } from '@/data/audit';
import { describeAuditAction } from '@/lib/audit-wording';

import { AuditChange } from './audit-change';
import styles from './dashboard-admin.module.css';
import log from './audit-log.module.css';
import dashboardStyles from './dashboard.module.css';

/** The audit log, newest first: when, who, what they did, to what (by name, linked), and what changed. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className={`${dashboardStyles.table} ${log.table}`}>
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Did</th>
            <th scope="col">What</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className={styles.nowrap}>
                <DateTime iso={entry.createdAt} />
              </td>
              <td className={log.who}>
                {entry.actorId && entry.actorName !== null ? <Link href={`/dashboard/people/${entry.actorId}`}>{entry.actorName || '(no name)'}</Link> : <span className={log.context}>(deleted account)</span>}
              </td>
              <td className={log.what} title={entry.action}>
                {describeAuditAction(entry.action)}
              </td>
              <td>
                <span className={log.subject}>
                  {entry.subject.href ? <Link href={entry.subject.href}>{entry.subject.label}</Link> : <span className={entry.subject.gone ? log.gone : undefined}>{entry.subject.label}</span>}
                  {entry.subject.gone && <span className={log.context}>(since deleted)</span>}
                  {entry.subject.context && (
                    <span className={log.context}>
                      on {entry.subject.context.href ? <Link href={entry.subject.context.href}>{entry.subject.context.label}</Link> : entry.subject.context.label}
                    </span>
                  )}
                </span>
              </td>
              <td>
                <AuditChange before={entry.before} after={entry.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
