import { Link } from '@/components/ui/link';

import { listSections } from '@/data/taxonomy';
import { env } from '@/lib/env';

import { AccountLink } from './account-link';
import styles from './masthead.module.css';

/**
 * The site's header. On a phone it stays short (about 110 px before the page starts): the sections scroll sideways
 * behind a fade, and a Sections menu lists them all; both work without JavaScript.
 */
export async function Masthead() {
  const sections = await listSections();
  return (
    <header className={styles.masthead}>
      <div className={styles.top}>
        <p className={styles.title}>
          <Link href="/">{env().SITE_NAME}</Link>
        </p>
        <p className={styles.tagline}>Independent reporting, every day</p>
        <div className={styles.tools}>
          {/* Visitor-specific, and rendered with the page rather than streamed after it: a streamed part needs a
              script to be shown, and a reader without JavaScript must see whether they are signed in. Shared
              (cached) pages are rendered for nobody, so they say "Sign in" (docs/adr/0009). */}
          <AccountLink />
          <Link className={styles.searchLink} href="/search">
            Search
          </Link>
          <form className={styles.searchForm} action="/search" method="get" role="search" aria-label="Site search">
            <label htmlFor="masthead-q" className="visually-hidden">
              Search stories
            </label>
            <input id="masthead-q" name="q" type="search" placeholder="Search" maxLength={200} />
            <button type="submit">Search</button>
          </form>
        </div>
      </div>
      <nav className={styles.nav} aria-label="Sections">
        <ul className={styles.sections}>
          <SectionLinks sections={sections} />
        </ul>
        <details className={styles.menu}>
          <summary>Sections</summary>
          <ul className={styles.menuList}>
            <SectionLinks sections={sections} />
          </ul>
        </details>
      </nav>
    </header>
  );
}

/** Home and every section: the sideways-scrolling row and the Sections menu list the same links. */
function SectionLinks({ sections }: { sections: { slug: string; name: string }[] }) {
  return (
    <>
      <li>
        <Link href="/">Home</Link>
      </li>
      {sections.map((section) => (
        <li key={section.slug}>
          <Link href={`/${section.slug}`}>{section.name}</Link>
        </li>
      ))}
    </>
  );
}
