import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { disableUserAction } from '@/actions/people';
import { ConfirmDialog, ConfirmForm } from '@/components/dashboard/confirm';
import { DateTime } from '@/components/ui/date-time';
import styles from '@/components/dashboard/dashboard-admin.module.css';
import { PeopleRoleForm, PeopleSignOutForm, PeopleStatusForm } from '@/components/dashboard/people-actions';
import { PeopleStatus, ROLE_LABELS } from '@/components/dashboard/people-table';
import formStyles from '@/components/ui/form.module.css';
import { getPerson } from '@/data/people';
import { viewerWithOrNotFound } from '@/data/viewer';
import { auditSubjects } from '@/lib/audit-subjects';
import { userIdSchema } from '@/lib/validation/people';

export const metadata: Metadata = { title: 'Person' };

const DONE: Record<string, string> = {
  role: 'Role saved. It applies from their next page load.',
  disabled: 'Account disabled. Every session of it has ended.',
  enabled: 'Account re-enabled. They can sign in again.',
  'signed-out': 'Signed out everywhere.',
};

export default async function PersonPage({ params, searchParams }: PageProps<'/dashboard/people/[id]'>) {
  await connection();
  const { id } = await params;
  const viewer = await viewerWithOrNotFound('user:manage', `/dashboard/people/${encodeURIComponent(id)}`);
  const parsed = userIdSchema.safeParse({ userId: id });
  if (!parsed.success) notFound();
  const [person, query] = await Promise.all([getPerson(viewer, parsed.data.userId), searchParams]);
  if (!person) notFound();
  const message = typeof query.done === 'string' ? DONE[query.done] : undefined;
  const isSelf = person.id === viewer.id;
  return (
    <>
      <p>
        <Link href="/dashboard/people">← People</Link>
      </p>
      <h1>{person.name || '(no name)'}</h1>
      {message && (
        <p className={formStyles.formSuccess} role="status">
          {message}
        </p>
      )}
      {!isSelf && !person.isDisabled && query.confirm === 'disable' && (
        <ConfirmDialog title={`Disable ${person.name || person.email}’s account?`} cancelHref={`/dashboard/people/${person.id}`}>
          <p>
            They are signed out on every device at once and cannot sign in again (as {person.email}) until an admin re-enables the account. Their {person.commentCount}{' '}
            {person.commentCount === 1 ? 'comment stays' : 'comments stay'} on the site.
          </p>
          <ConfirmForm action={disableUserAction} fields={{ userId: person.id }} confirmLabel="Yes, disable the account" cancelHref={`/dashboard/people/${person.id}`} />
        </ConfirmDialog>
      )}
      <dl className={styles.facts}>
        <dt>E-mail</dt>
        <dd className={styles.code}>{person.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[person.role]}</dd>
        <dt>Status</dt>
        <dd>
          <PeopleStatus person={person} since />
          {person.commentStanding.kind !== 'active' && (
            <span className={styles.muted}>
              {' '}
              from commenting. A moderator lifts it from any of their comments in the <Link href="/dashboard/comments?tab=all">comments queue</Link>.
            </span>
          )}
        </dd>
        <dt>Joined</dt>
        <dd>
          <DateTime iso={person.createdAt} />
        </dd>
        <dt>Comments</dt>
        <dd>{person.commentCount}</dd>
        <dt>History</dt>
        <dd>
          <Link href={`/dashboard/audit?subject=${encodeURIComponent(auditSubjects.user(person.id))}`}>Audit log for this account</Link>
        </dd>
      </dl>
      {isSelf ? (
        <p className={styles.lede}>
          This is your own account: another admin must change its role or disable it. To end your other sessions, use <Link href="/account">your account page</Link>.
        </p>
      ) : (
        <>
          <PeopleRoleForm userId={person.id} role={person.role} />
          <PeopleStatusForm key={String(person.isDisabled)} userId={person.id} isDisabled={person.isDisabled} />
          <PeopleSignOutForm userId={person.id} />
        </>
      )}
    </>
  );
}
