import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

import { AuditFilter } from '@/components/dashboard/audit-filter';
import { AuditTable } from '@/components/dashboard/audit-table';
import styles from '@/components/dashboard/dashboard-admin.module.css';
import { DashboardPager } from '@/components/dashboard/dashboard-pager';
import { listAuditLog } from '@/data/audit';
import { requireCapability } from '@/data/viewer';
import { auditParamsSchema } from '@/lib/validation/audit';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: PageProps<'/dashboard/audit'>) {
  await connection();
  const viewer = await requireCapability('user:manage', '/dashboard/audit');
  const { action, subject, page } = auditParamsSchema.parse(await searchParams);
  const log = await listAuditLog(viewer, { action: action || undefined, subject: subject || undefined, page });
  return (
    <>
      <h1>Audit log</h1>
      <p className={styles.lede}>Every editorial, moderation and account change: who did it, when, and what changed. Newest first.</p>
      <AuditFilter action={action} subject={subject} />
      <p className={styles.muted}>
        {log.total} {log.total === 1 ? 'entry' : 'entries'}
        {(action || subject) && (
          <>
            {' '}
            · <Link href="/dashboard/audit">Show all</Link>
          </>
        )}
      </p>
      {log.items.length > 0 ? <AuditTable entries={log.items} /> : <p>No entries.</p>}
      <DashboardPager path="/dashboard/audit" page={log.page} pageCount={log.pageCount} query={{ action, subject }} />
    </>
  );
}
