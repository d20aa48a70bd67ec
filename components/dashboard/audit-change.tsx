import { diffAudit, type Json } from '@/lib/audit-diff';
import { AUDIT_HIDDEN_FIELDS, auditFieldLabel, formatAuditValue } from '@/lib/audit-wording';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format';

import styles from './audit-log.module.css';

/** One audit entry's change in plain words: "Role: Reader → Contributor", "Headline: Old → New". */
export function AuditChange({ before, after }: { before: Json; after: Json }) {
  const zone = env().SITE_TIMEZONE;
  const show = (key: string, value: Json) => formatAuditValue(key, value, (iso) => formatDateTime(iso, zone));
  const lines = diffAudit(before, after).filter((line) => !AUDIT_HIDDEN_FIELDS.has(line.key.split('.').pop() ?? line.key));
  if (lines.length === 0) return <span className={styles.context}>—</span>;
  return (
    <dl className={styles.changes}>
      {lines.map((line) => (
        <div key={line.key} className={styles.pair}>
          <dt>{auditFieldLabel(line.key)}</dt>
          <dd>
            {line.kind === 'changed' ? (
              <>
                <span className={styles.old}>{show(line.key, line.before)}</span> → {show(line.key, line.after)}
              </>
            ) : line.kind === 'added' ? (
              show(line.key, line.after)
            ) : (
              <span className={styles.old}>{show(line.key, line.before)}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
