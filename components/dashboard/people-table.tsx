import Link from 'next/link';

import { DateTime } from '@/components/ui/date-time';
import type { Person } from '@/data/people';

import styles from './dashboard-admin.module.css';

export const ROLE_LABELS = { reader: 'Reader', contributor: 'Contributor', editor: 'Editor', admin: 'Admin' } as const;

export function PeopleStatus({ person }: { person: Pick<Person, 'isDisabled'> }) {
  return person.isDisabled ? <span className={`status-badge ${styles.disabled}`}>Disabled</span> : <span className={`status-badge ${styles.active}`}>Active</span>;
}

/** Accounts with their role, status, sign-up date and comment count. */
export function PeopleTable({ people }: { people: Person[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className="dashboard-table">
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
