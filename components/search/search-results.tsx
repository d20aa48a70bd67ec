import { Link } from '@/components/ui/link';

import { articleHref } from '@/components/article/article-card';
import { Byline } from '@/components/article/byline';
import cardStyles from '@/components/article/card.module.css';
import common from '@/components/ui/common.module.css';
import { DateTime } from '@/components/ui/date-time';
import { COUNT_CAP, type SearchResult } from '@/data/search';
import type { SearchInput } from '@/lib/validation/search';

import styles from './search.module.css';

export function searchHref(input: SearchInput, page: number): string {
  const params = new URLSearchParams();
  params.set('q', input.q);
  if (input.section) params.set('section', input.section);
  if (input.author) params.set('author', input.author);
  if (input.from) params.set('from', input.from);
  if (input.to) params.set('to', input.to);
  if (input.exact) params.set('exact', '1');
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

/** "Showing results for …" or "Did you mean …?": plain links, so they work without JavaScript. */
function Correction({ input, result }: { input: SearchInput; result: SearchResult }) {
  const correction = result.correction;
  if (!correction) return null;
  if (correction.applied) {
    return (
      <p className={styles.correction} data-testid="search-correction">
        Showing results for{' '}
        <Link href={searchHref({ ...input, q: correction.query }, 1)}>
          <strong>{correction.query}</strong>
        </Link>
        . Search instead for <Link href={searchHref({ ...input, exact: true }, 1)}>{input.q}</Link>.
      </p>
    );
  }
  return (
    <p className={styles.correction} data-testid="search-correction">
      Did you mean{' '}
      <Link href={searchHref({ ...input, q: correction.query, exact: false }, 1)}>
        <strong>{correction.query}</strong>
      </Link>
      ?
    </p>
  );
}

export function SearchResults({ input, result }: { input: SearchInput; result: SearchResult }) {
  // When a correction was applied, the results (and their pages) are the corrected query's.
  const shown: SearchInput = { ...input, q: result.query || input.q };
  if (!input.q) {
    return (
      <p className={styles.tips}>
        Search every story we have published. Use quotes for a phrase (<kbd>&quot;flood defences&quot;</kbd>), a minus sign to leave a word out
        (<kbd>budget -tax</kbd>) and <kbd>or</kbd> for either word.
      </p>
    );
  }
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" className={common.railTitle}>
        {result.total === 0
          ? 'No results'
          : result.total > COUNT_CAP
            ? `More than ${COUNT_CAP.toLocaleString('en-GB')} results`
            : `${result.total.toLocaleString('en-GB')} ${result.total === 1 ? 'result' : 'results'}`}{' '}
        for “{shown.q}”
      </h2>
      <Correction input={input} result={result} />
      {result.total === 0 && (
        <div className={styles.empty}>
          <p>No published story matches those words{input.section || input.author || input.from || input.to ? ' with these filters' : ''}.</p>
          <ul>
            <li>Check the spelling, or try fewer or more general words.</li>
            {(input.section || input.author || input.from || input.to) && (
              <li>
                <Link href={searchHref({ ...input, section: undefined, author: undefined, from: undefined, to: undefined }, 1)}>Search all sections and dates</Link>
              </li>
            )}
          </ul>
        </div>
      )}
      {result.hits.length > 0 && (
        <ol className={styles.results}>
          {result.hits.map((hit) => (
            <li key={hit.id} className={styles.hit}>
              <p className={cardStyles.kicker}>{hit.section.name}</p>
              <h3 className={cardStyles.headline}>
                <Link href={articleHref(hit)}>{hit.headline}</Link>
              </h3>
              {/* highlightToHtml escapes everything except its own <mark> tags. */}
              <p className={styles.snippet} dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
              <p className={cardStyles.meta}>
                <Byline authors={hit.authors} linked={false} />
                <DateTime iso={hit.publishedAt} short />
              </p>
            </li>
          ))}
        </ol>
      )}
      {(result.similarHeadlines.length > 0 || result.similarAuthors.length > 0) && (
        <aside className={styles.similar} aria-labelledby="similar-title">
          <h2 id="similar-title" className={common.railTitle}>
            Did you mean
          </h2>
          <ul>
            {result.similarAuthors.map((author) => (
              <li key={author.slug}>
                <Link href={`/author/${author.slug}`}>{author.name}</Link> (author)
              </li>
            ))}
            {result.similarHeadlines.map((card) => (
              <li key={card.id}>
                <Link href={articleHref(card)}>{card.headline}</Link>
              </li>
            ))}
          </ul>
        </aside>
      )}
      {result.pageCount > 1 && (
        <nav className={common.pagination} aria-label="Result pages">
          {result.page > 1 ? (
            <Link href={searchHref(shown, result.page - 1)} rel="prev">
              ← Previous results
            </Link>
          ) : (
            <span />
          )}
          <span className={common.paginationStatus}>
            Page {result.page} of {result.pageCount}
          </span>
          {result.page < result.pageCount ? (
            <Link href={searchHref(shown, result.page + 1)} rel="next">
              More results →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}
