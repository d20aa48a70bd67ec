import Link from 'next/link';

import common from '@/components/ui/common.module.css';
import { DateTime } from '@/components/ui/date-time';
import type { Person } from '@/data/people';

import styles from './dashboard-admin.module.css';
import dashboardStyles from './dashboard.module.css';

export const ROLE_LABELS = { reader: 'Reader', contributor: 'Contributor', editor: 'Editor', admin: 'Admin' } as const;

/**
 * An account's status: Disabled (with `since`, when), and whether they may comment (Banned, or Suspended until …,
 * from lib/comment-standing); Active only when none of these holds. The list's status filter uses the same terms.
 */
export function PeopleStatus({ person, since = false }: { person: Pick<Person, 'isDisabled' | 'disabledAt' | 'commentStanding'>; since?: boolean }) {
  const standing = person.commentStanding;
  if (!person.isDisabled && standing.kind === 'active') return <span className={`status-badge ${common.statusBadge} ${styles.active}`}>Active</span>;
  return (
    <>
      {person.isDisabled && (
        <>
          <span className={`status-badge ${common.statusBadge} ${styles.disabled}`}>Disabled</span>
          {since && person.disabledAt && (
            <span className={styles.muted}>
              {' '}
              since <DateTime iso={person.disabledAt} />
            </span>
          )}
        </>
      )}
      {person.isDisabled && standing.kind !== 'active' && ' '}
      {standing.kind === 'banned' && <span className={`status-badge ${common.statusBadge} ${styles.restricted}`}>Banned</span>}
      {standing.kind === 'suspended' && (
        <span className={`status-badge ${common.statusBadge} ${styles.restricted}`}>
          Suspended until <DateTime iso={standing.until} />
        </span>
      )}
    </>
  );
}

/** Accounts with their role, status, sign-up date and comment count. */
export function PeopleTable({ people }: { people: Person[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className={dashboardStyles.table}>
        <caption className="visually-hidden">People</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Joined</th>
            <th scope="col">Comments</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <td>
                <Link href={`/dashboard/people/${person.id}`}>{person.name || '(no name)'}</Link>
              </td>
              <td className={styles.code}>{person.email}</td>
              <td>{ROLE_LABELS[person.role]}</td>
              <td className={styles.nowrap}>
                <PeopleStatus person={person} />
              </td>
              <td className={styles.nowrap}>
                <DateTime iso={person.createdAt} short />
              </td>
              <td>{person.commentCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
