import type { AuthorRef } from '@/lib/dto';
import type { SearchInput } from '@/lib/validation/search';

import styles from './search.module.css';

/** A plain GET form: works without JavaScript, and every result page has a shareable URL. */
export function SearchForm({ input, sections, authors }: { input: SearchInput; sections: { slug: string; name: string }[]; authors: AuthorRef[] }) {
  return (
    <form className={styles.form} action="/search" method="get" role="search" aria-label="Search stories">
      <div className={styles.main}>
        <label htmlFor="search-q">Search for</label>
        <input id="search-q" name="q" type="search" defaultValue={input.q} maxLength={200} autoComplete="off" />
        <button type="submit">Search</button>
      </div>
      <details className={styles.filters} open={Boolean(input.section || input.author || input.from || input.to)}>
        <summary>Filters</summary>
        <div className={styles.grid}>
          <p>
            <label htmlFor="search-section">Section</label>
            <select id="search-section" name="section" defaultValue={input.section ?? ''}>
              <option value="">All sections</option>
              {sections.map((section) => (
                <option key={section.slug} value={section.slug}>
                  {section.name}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor="search-author">Author</label>
            <select id="search-author" name="author" defaultValue={input.author ?? ''}>
              <option value="">All authors</option>
              {authors.map((author) => (
                <option key={author.slug} value={author.slug}>
                  {author.name}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor="search-from">From</label>
            <input id="search-from" name="from" type="date" defaultValue={input.from ?? ''} />
          </p>
          <p>
            <label htmlFor="search-to">To</label>
            <input id="search-to" name="to" type="date" defaultValue={input.to ?? ''} />
          </p>
        </div>
      </details>
    </form>
  );
}
