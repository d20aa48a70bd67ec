import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';

import { DateTime } from '@/components/ui/date-time';
import { env } from '@/lib/env';
import { SITE_PAGES, SITE_PAGES_UPDATED, sitePage, type SitePageSlug } from '@/lib/site-pages';

import styles from './site-page.module.css';

/** The page's title, description and canonical address (fixed pages: the same for every reader). */
export function sitePageMetadata(slug: SitePageSlug, description: string): Metadata {
  return { title: sitePage(slug).title, description, alternates: { canonical: `/${slug}` } };
}

/** One of the newspaper's own pages: title, a lede, the text, and the other pages of the kind. */
export function SitePage({ slug, lede, children }: { slug: SitePageSlug; lede: string; children: React.ReactNode }) {
  const others = SITE_PAGES.filter((page) => page.slug !== slug);
  return (
    <article className={styles.page} aria-labelledby="site-page-title">
      <header className={styles.header}>
        <h1 id="site-page-title">{sitePage(slug).title}</h1>
        <p className={styles.lede}>{lede}</p>
        <p className={styles.updated}>
          Last updated <DateTime iso={`${SITE_PAGES_UPDATED}T12:00:00Z`} short />
        </p>
      </header>
      <div className={styles.body}>{children}</div>
      <nav className={styles.related} aria-label={`About ${env().SITE_NAME}`}>
        <ul>
          {others.map((page) => (
            <li key={page.slug}>
              <Link href={`/${page.slug}`}>{page.title}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </article>
  );
}
