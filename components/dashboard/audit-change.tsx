import { diffAudit, type Json } from '@/lib/audit-diff';

import styles from './dashboard-admin.module.css';

function show(value: Json): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** One audit entry's change, compactly: "name: Old → New". */
export function AuditChange({ before, after }: { before: Json; after: Json }) {
  const lines = diffAudit(before, after);
  if (lines.length === 0) return <span className={styles.muted}>—</span>;
  return (
    <ul className={styles.changes}>
      {lines.map((line) => (
        <li key={line.key}>
          <span className={styles.code}>{line.key}</span>:{' '}
          {line.kind === 'changed' ? (
            <>
              <span className={styles.old}>{show(line.before)}</span> → {show(line.after)}
            </>
          ) : line.kind === 'added' ? (
            show(line.after)
          ) : (
            <span className={styles.old}>{show(line.before)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
