import { Link } from '@/components/ui/link';

import styles from './auth.module.css';

/** /account: download everything the site holds about you, or leave. */
export function LeaveSection() {
  return (
    <section className={styles.form} aria-labelledby="leave-title">
      <h2 id="leave-title">Your data</h2>
      <p>
        <a href="/account/data" download>
          Download my data
        </a>{' '}
        (your profile, comments, likes, reports and newsletter subscriptions, as JSON).
      </p>
      <p>
        <Link href="/account/delete">Delete my account…</Link>
      </p>
    </section>
  );
}
