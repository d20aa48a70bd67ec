import { resendVerificationAction } from '@/actions/account-email';
import formStyles from '@/components/ui/form.module.css';
import { getOwnAddress } from '@/data/registration';

import styles from './auth.module.css';
import { ChangeEmailForm } from './change-email-form';

/** /account: the account's address, a new confirmation link while it is unconfirmed, and a change of address. */
export async function EmailAddressSection({ userId, sent }: { userId: string; sent: boolean }) {
  const address = await getOwnAddress(userId);
  if (!address) return null;
  return (
    <section className={styles.form} aria-labelledby="email-title">
      <h2 id="email-title">E-mail address</h2>
      <p>
        Your account uses <strong>{address.email}</strong>.
      </p>
      {sent && (
        <p className={formStyles.formSuccess} role="status">
          A new confirmation link is on its way.
        </p>
      )}
      {address.isAwaitingVerification && (
        <form action={resendVerificationAction} className={styles.form}>
          <p>This address is not confirmed yet: until it is, your comments wait for a moderator.</p>
          <button type="submit">Send the link again</button>
        </form>
      )}
      <ChangeEmailForm />
    </section>
  );
}
