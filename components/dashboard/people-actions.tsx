'use client';

import { changeRoleAction, enableUserAction, signOutUserEverywhereAction } from '@/actions/people';
import { FormIdField, useFormAction } from '@/components/ui/form-result';
import { confirmHref } from '@/lib/confirm-href';
import { USER_ROLES, type UserRole } from '@/lib/roles';

import { SelectField } from '@/components/ui/field';
import formStyles from '@/components/ui/form.module.css';

import { ConfirmLink } from './confirm';
import styles from './dashboard-admin.module.css';

const ROLE_OPTIONS: Record<UserRole, string> = {
  reader: 'Reader — comments',
  contributor: 'Contributor — writes drafts',
  editor: 'Editor — publishes, moderates, manages sections and tags',
  admin: 'Admin — everything, including people',
};

function FormError({ message }: { message?: string }) {
  return message ? (
    <p className={formStyles.formError} role="alert">
      {message}
    </p>
  ) : null;
}

export function PeopleRoleForm({ userId, role }: { userId: string; role: UserRole }) {
  const [state, action, pending] = useFormAction(changeRoleAction, 'person-role');
  return (
    <form action={action} className={styles.panel} noValidate aria-labelledby="role-title">
      <FormIdField id="person-role" />
      <h2 id="role-title">Change role</h2>
      <FormError message={state.formError} />
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        name="role"
        label="Role"
        hint="Takes effect on their next page load."
        defaultValue={state.values?.role ?? role}
        errors={state.fieldErrors?.role}
        options={USER_ROLES.map((value) => ({ value, label: ROLE_OPTIONS[value] }))}
      />
      <button type="submit" disabled={pending}>
        Save role
      </button>
    </form>
  );
}

/** Re-enabling is a plain form; disabling only asks (the person page's ?confirm=disable says what happens and does it). */
export function PeopleStatusForm({ userId, isDisabled }: { userId: string; isDisabled: boolean }) {
  const [state, action, pending] = useFormAction(enableUserAction, 'person-status');
  if (!isDisabled) {
    return (
      <section className={`${styles.panel} ${styles.danger}`} aria-labelledby="status-title">
        <h2 id="status-title">Disable account</h2>
        <p>Signs them out everywhere at once and stops them signing in. Their comments stay. You can re-enable the account later.</p>
        <ConfirmLink href={confirmHref(`/dashboard/people/${userId}`, 'disable')}>Disable account…</ConfirmLink>
      </section>
    );
  }
  return (
    <form action={action} className={styles.panel} aria-labelledby="status-title">
      <FormIdField id="person-status" />
      <h2 id="status-title">Re-enable account</h2>
      <FormError message={state.formError} />
      <p>They can sign in again (their old sessions stay ended).</p>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending}>
        Re-enable account
      </button>
    </form>
  );
}

export function PeopleSignOutForm({ userId }: { userId: string }) {
  const [state, action, pending] = useFormAction(signOutUserEverywhereAction, 'person-sessions');
  return (
    <form action={action} className={styles.panel} aria-labelledby="sessions-title">
      <FormIdField id="person-sessions" />
      <h2 id="sessions-title">Sessions</h2>
      <FormError message={state.formError} />
      <p>Ends every session of this account, on every device (for a lost phone or a shared computer). They can sign in again.</p>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending}>
        Sign out everywhere
      </button>
    </form>
  );
}
