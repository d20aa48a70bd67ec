import Link from 'next/link';

import common from '@/components/ui/common.module.css';
import { DateTime } from '@/components/ui/date-time';
import { Picture } from '@/components/ui/picture';
import type { LibraryImage } from '@/data/images';
import { formatBytes } from '@/lib/images';

import dashboardStyles from './dashboard.module.css';
import styles from './image-library.module.css';

function libraryHref(page: number, q: string): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/dashboard/images?${query}` : '/dashboard/images';
}

/** The library grid: every picture with its alt text (what readers who cannot see it are told), credit and size. */
export function ImageLibrary({ items, page, pageCount, total, q }: { items: LibraryImage[]; page: number; pageCount: number; total: number; q: string }) {
  return (
    <section aria-labelledby="library-title">
      <h2 id="library-title">Library</h2>
      <form method="get" action="/dashboard/images" className={dashboardStyles.toolbar} role="search" aria-label="Image library">
        <label>
          Search alt text and credits
          <input name="q" type="search" defaultValue={q} maxLength={200} className={styles.search} />
        </label>
        <button type="submit">Search</button>
        {q && <Link href="/dashboard/images">Show all</Link>}
      </form>
      <p className={styles.count} aria-live="polite">
        {total === 0 ? (q ? `No images match “${q}”.` : 'No images yet.') : `${total} ${total === 1 ? 'image' : 'images'}${q ? ` matching “${q}”` : ''}.`}
      </p>
      {items.length > 0 && (
        <ul className={styles.grid}>
          {items.map((image) => (
            <li key={image.id} className={styles.card}>
              <figure>
                <div className={styles.frame}>
                  <Picture image={image} place="library" />
                </div>
                <figcaption>
                  <span className={styles.alt}>{image.alt || <em>No alternative text</em>}</span>
                  {image.credit && <span className={styles.meta}>{image.credit}</span>}
                  <span className={styles.meta}>
                    {image.width} × {image.height} · {formatBytes(image.byteSize)} · <DateTime iso={image.createdAt} short />
                    {image.uploaderName ? ` · ${image.uploaderName}` : ''}
                  </span>
                  <Link href={`/dashboard/images/${image.id}`} aria-label={`Edit details of “${image.alt}”`}>
                    Edit details
                  </Link>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      {pageCount > 1 && (
        <nav className={common.pagination} aria-label="Library pages">
          {page > 1 ? (
            <Link href={libraryHref(page - 1, q)} rel="prev">
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          <span className={common.paginationStatus}>
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link href={libraryHref(page + 1, q)} rel="next">
              Older →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}
