import { Link } from '@/components/ui/link';

import common from '@/components/ui/common.module.css';
import { DateTime } from '@/components/ui/date-time';
import type { LiveBlogPage } from '@/data/live-entries';
import { liveEntryAnchor, liveSearch } from '@/lib/live-blog';

import styles from './live-blog.module.css';
import { LiveUpdates } from './live-updates';

/**
 * A live blog's entries on its article page (docs/adr/0026): the key events' summary, the pinned entry, then the
 * entries newest first, paged by `?lpage=N` (complete without JavaScript). While it runs, its first page also
 * listens for new entries (LiveUpdates); once closed it reads as an ordinary article with its coverage's record.
 */
export function LiveBlog({ live, path, publishedAt }: { live: LiveBlogPage; path: string; publishedAt: string }) {
  const running = live.closedAt === null;
  const entryHref = (id: number, page: number) => `${page === live.page ? '' : `${path}${liveSearch(page)}`}#${liveEntryAnchor(id)}`;
  return (
    <section className={styles.live} aria-labelledby="live-title">
      <h2 id="live-title" className={styles.heading}>
        {running ? (
          <>
            <span className={styles.badge}>Live</span> Latest updates
          </>
        ) : (
          'Updates'
        )}
      </h2>
      <p className={styles.status}>
        {running ? (
          live.latestAt ? (
            <>
              Last entry <DateTime iso={live.latestAt} />. New entries appear here as they are posted.
            </>
          ) : (
            'New entries appear here as they are posted.'
          )
        ) : (
          <>
            This live blog has ended. Coverage ran from <DateTime iso={publishedAt} /> to <DateTime iso={live.closedAt!} />.
          </>
        )}
      </p>

      {live.keyEvents.length > 0 && (
        <nav className={styles.keyEvents} aria-labelledby="key-events-title">
          <h3 id="key-events-title">Key events</h3>
          <ol>
            {live.keyEvents.map((event) => (
              <li key={event.id}>
                <a href={entryHref(event.id, event.page)}>
                  <DateTime iso={event.postedAt} /> <span>{event.summary}</span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}

      {running && live.page === 1 && <LiveUpdates articleId={live.articleId} lastId={live.lastId} />}

      {/* Rendered by lib/live-blog.ts#renderLiveEntry: the body sanitised by lib/markdown.ts, everything else escaped. */}
      <div className={styles.pinned} data-live-pinned dangerouslySetInnerHTML={{ __html: live.pinned?.html ?? '' }} />
      <div className={styles.entries} id="live-entries" data-live-entries dangerouslySetInnerHTML={{ __html: live.entries.map((entry) => entry.html).join('') }} />
      {live.total === 0 && !live.pinned && <p className={styles.status}>No entries yet.</p>}

      {live.pageCount > 1 && (
        <nav className={common.pagination} aria-label="Pages of entries">
          {live.page > 1 ? (
            <Link href={`${path}${liveSearch(live.page - 1)}#live-title`} rel="prev">
              ← Newer entries
            </Link>
          ) : (
            <span />
          )}
          <span className={common.paginationStatus}>
            Page {live.page} of {live.pageCount}
          </span>
          {live.page < live.pageCount ? (
            <Link href={`${path}${liveSearch(live.page + 1)}#live-title`} rel="next">
              Older entries →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}
