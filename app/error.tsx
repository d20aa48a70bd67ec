'use client';

import styles from './notice-page.module.css';


/**
 * Shown when a page fails. Never shows the error itself: the digest lets an operator find it in the logs. It stands in
 * for the area's frame (the public masthead or the dashboard's header may be what failed), so it is its own <main>.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main-error" tabIndex={-1}>
      <div className={styles.notice} role="alert" data-error-page="true">
        <h1>Something went wrong</h1>
        <p>Sorry, this page could not be shown. Please try again in a moment.</p>
        {error.digest && <p>Reference: {error.digest}</p>}
        <p>
          <button type="button" onClick={reset}>
            Try again
          </button>{' '}
          {/* A full page load, not client navigation: the client state may be what broke. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/">Go to the front page</a>
        </p>
      </div>
    </main>
  );
}
