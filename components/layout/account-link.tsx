import { Link } from '@/components/ui/link';

import { signOutAction } from '@/actions/auth';
import { getViewer } from '@/data/viewer';

import styles from './masthead.module.css';

/** "Sign in", or the signed-in name and a sign-out button (a form: works without JavaScript). */
export async function AccountLink() {
  const viewer = await getViewer();
  if (!viewer) {
    return (
      <Link className={styles.accountLink} href="/login">
        Sign in
      </Link>
    );
  }
  return (
    <form action={signOutAction} className={styles.accountLink}>
      <span>
        Signed in as <Link href="/account">{viewer.name}</Link>
      </span>{' '}
      <button type="submit">Sign out</button>
    </form>
  );
}
