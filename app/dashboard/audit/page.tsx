import type { Metadata } from 'next';
import { connection } from 'next/server';

import { AuditFilter } from '@/components/dashboard/audit-filter';
import { AuditTable } from '@/components/dashboard/audit-table';
import styles from '@/components/dashboard/dashboard-admin.module.css';
import { DashboardPager } from '@/components/dashboard/dashboard-pager';
import { listAuditActors, listAuditLog } from '@/data/audit';
import { viewerWithOrNotFound } from '@/data/viewer';
import { auditParamsSchema } from '@/lib/validation/audit';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: PageProps<'/dashboard/audit'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('user:manage', '/dashboard/audit');
  const { actor, story, kind, subject, page } = auditParamsSchema.parse(await searchParams);
  const [log, actors] = await Promise.all([
    listAuditLog(viewer, { actorId: actor || undefined, story: story || undefined, kind: kind || undefined, subject: subject || undefined, page }),
    listAuditActors(viewer),
  ]);
  // The subject's name, when the page shows it (every entry about one thing names it the same way).
  const subjectLabel = subject ? (log.items.find((item) => item.subject.key === subject)?.subject.label ?? null) : null;
  return (
    <>
      <h1>Audit log</h1>
      <p className={styles.lede}>Every editorial, moderation and account change: who did it, when, and what changed. Newest first.</p>
      <AuditFilter actors={actors} actor={actor} story={story} kind={kind} subject={subject} subjectLabel={subjectLabel} />
      <p className={styles.muted} role="status">
        {log.total} {log.total === 1 ? 'entry' : 'entries'}
      </p>
      {log.items.length > 0 ? <AuditTable entries={log.items} /> : <p>No entries match.</p>}
      <DashboardPager path="/dashboard/audit" page={log.page} pageCount={log.pageCount} query={{ actor, story, kind, subject }} />
    </>
  );
}
