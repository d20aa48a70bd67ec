import { PEOPLE_STATUSES, type PeopleListParams } from '@/lib/validation/people';
import { USER_ROLES } from '@/lib/roles';

import styles from './dashboard-admin.module.css';
import dashboardStyles from './dashboard.module.css';
import { ROLE_LABELS } from './people-table';

const STATUS_LABELS: Record<(typeof PEOPLE_STATUSES)[number], string> = {
  all: 'Any status',
  active: 'Active',
  suspended: 'Suspended from commenting',
  banned: 'Banned from commenting',
  disabled: 'Disabled',
};

/** A plain GET form: search by name or e-mail, filter by role and status. */
export function PeopleSearch({ params }: { params: PeopleListParams }) {
  return (
    <form className={`${dashboardStyles.toolbar} ${styles.toolbar}`} role="search" action="/dashboard/people">
      <label>
        Name or e-mail
        <input type="search" name="q" defaultValue={params.q} />
      </label>
      <label>
        Role
        <select name="role" defaultValue={params.role ?? ''}>
          <option value="">Any role</option>
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select name="status" defaultValue={params.status}>
          {PEOPLE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Search</button>
    </form>
  );
}
