import { Link } from '@/components/ui/link';

import { env } from '@/lib/env';
import { SITE_PAGES } from '@/lib/site-pages';

import styles from './footer.module.css';

/** The newspaper's footer: who we are and the pages a reader looks for there (lib/site-pages.ts), and the RSS feed. */
export function Footer() {
  const name = env().SITE_NAME;
  return (
    <footer className={styles.footer}>
      <p className={styles.name}>
        <Link href="/">{name}</Link>
      </p>
      <nav aria-label="About this site">
        <ul className={styles.links}>
          {SITE_PAGES.map((page) => (
            <li key={page.slug}>
              <Link href={`/${page.slug}`}>{page.footerLabel}</Link>
            </li>
          ))}
          <li>
            <Link href="/newsletters">Newsletters</Link>
          </li>
          <li>
            {/* A route handler, not a page: a plain link. */}
            <a href="/feed.xml" type="application/rss+xml">
              RSS feed
            </a>
          </li>
        </ul>
      </nav>
      <p className={styles.small}>
        © {name} · All stories on this demonstration site are invented. ·{' '}
        {/* A JSON route handler, not a page. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/api/health">Status</a>
      </p>
    </footer>
  );
}
