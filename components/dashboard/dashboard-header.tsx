import Link from 'next/link';

import { signOutAction } from '@/actions/auth';
import type { Viewer } from '@/data/viewer';
import { env } from '@/lib/env';

import styles from './dashboard-header.module.css';

/**
 * The dashboard's own compact header, in place of the public masthead and section menu: the site's name (back to the
 * public site), who is signed in, and Sign out (a form: works without JavaScript).
 */
export function DashboardHeader({ viewer }: { viewer: Viewer }) {
  return (
    <header className={styles.header}>
      <p className={styles.site}>
        <Link href="/">{env().SITE_NAME}</Link> <span className={styles.area}>Dashboard</span>
      </p>
      <form action={signOutAction} className={styles.account}>
        <span>
          Signed in as <Link href="/account">{viewer.name}</Link>
        </span>
        <button type="submit">Sign out</button>
      </form>
    </header>
  );
}
