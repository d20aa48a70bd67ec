import { DateTime } from '@/components/ui/date-time';
import type { AuditEntry } from '@/data/audit';

import { AuditChange } from './audit-change';
import styles from './dashboard-admin.module.css';

/** The audit log, newest first: when, who, what, to what, and what changed. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className="dashboard-table">
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Subject</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className={styles.nowrap}>
                <DateTime iso={entry.createdAt} />
              </td>
              <td>{entry.actorName ?? <span className={styles.muted}>(deleted account)</span>}</td>
              <td className={styles.code}>{entry.action}</td>
              <td className={styles.code}>{entry.subject}</td>
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
