import { closeLiveBlogAction, deleteLiveEntryAction, editLiveEntryAction, flagLiveEntryAction, postLiveEntryAction } from '@/actions/live-entries';
import { DateTime } from '@/components/ui/date-time';
import formStyles from '@/components/ui/form.module.css';
import type { LiveDeskEntry } from '@/data/live-entries';
import { LIVE_NOTICES, LIVE_PROBLEMS, type LiveNoticeKey, type LiveProblem } from '@/lib/live-blog';

import styles from './live-blog-panel.module.css';

/**
 * A live blog's desk on its story's editor page (docs/adr/0026): post an entry, edit, delete, pin or mark one as a
 * key event, close or reopen the blog. Plain forms that post server actions and come back here: no JavaScript
 * needed.
 */
export function LiveBlogPanel({
  articleId,
  closedAt,
  entries,
  notice,
  problem,
}: {
  articleId: number;
  closedAt: string | null;
  entries: LiveDeskEntry[];
  notice: string | undefined;
  problem: string | undefined;
}) {
  const noticeText = notice && Object.hasOwn(LIVE_NOTICES, notice) ? LIVE_NOTICES[notice as LiveNoticeKey] : null;
  const problemText = problem && Object.hasOwn(LIVE_PROBLEMS, problem) ? LIVE_PROBLEMS[problem as LiveProblem] : null;
  return (
    <section id="live" className={styles.panel} aria-labelledby="live-panel-title">
      <h2 id="live-panel-title">Live blog</h2>
      <p>
        {closedAt ? (
          <>
            Closed <DateTime iso={closedAt} />. Readers see it as an ordinary article with its entries.
          </>
        ) : (
          'Running: entries reach readers with the page open within moments.'
        )}
      </p>
      {noticeText && (
        <p className={formStyles.formSuccess} role="status">
          {noticeText}
        </p>
      )}
      {problemText && (
        <p className={formStyles.formError} role="alert">
          {problemText}
        </p>
      )}

      {!closedAt && (
        <form action={postLiveEntryAction} className={styles.form} aria-labelledby="live-new-heading">
          <h3 id="live-new-heading">New entry</h3>
          <input type="hidden" name="articleId" value={articleId} />
          <EntryFields idPrefix="live-new" />
          <button type="submit">Post entry</button>
        </form>
      )}

      <h3>Entries ({entries.length})</h3>
      {entries.length === 0 ? (
        <p>No entries yet.</p>
      ) : (
        <ol className={styles.entries}>
          {entries.map((entry) => (
            <li key={entry.id} className={styles.entry} data-live-desk-entry={entry.id}>
              <p className={styles.meta}>
                <DateTime iso={entry.postedAt} />
                {entry.authorName && <> · {entry.authorName}</>}
                {entry.pinned && <strong> · Pinned</strong>}
                {entry.keyEvent && <strong> · Key event</strong>}
                {entry.updatedAt && <> · edited</>}
              </p>
              {entry.title && <p className={styles.title}>{entry.title}</p>}
              <p className={styles.body}>{entry.body.length > 240 ? `${entry.body.slice(0, 239)}…` : entry.body}</p>
              <div className={styles.buttons}>
                <FlagForm articleId={articleId} entry={entry} flag="pinned" label={entry.pinned ? 'Unpin' : 'Pin to the top'} />
                <FlagForm articleId={articleId} entry={entry} flag="keyEvent" label={entry.keyEvent ? 'Not a key event' : 'Mark as key event'} />
                <form action={deleteLiveEntryAction}>
                  <input type="hidden" name="articleId" value={articleId} />
                  <input type="hidden" name="entryId" value={entry.id} />
                  <button type="submit" aria-label={`Delete entry of ${new Date(entry.postedAt).toISOString().slice(11, 16)} UTC`}>
                    Delete
                  </button>
                </form>
              </div>
              <details>
                <summary>Edit this entry</summary>
                <form action={editLiveEntryAction} className={styles.form}>
                  <input type="hidden" name="articleId" value={articleId} />
                  <input type="hidden" name="entryId" value={entry.id} />
                  <EntryFields idPrefix={`live-${entry.id}`} entry={entry} />
                  <button type="submit">Save entry</button>
                </form>
              </details>
            </li>
          ))}
        </ol>
      )}

      <form action={closeLiveBlogAction} className={styles.close}>
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="closed" value={closedAt ? 'off' : 'on'} />
        <button type="submit">{closedAt ? 'Reopen the live blog' : 'Close the live blog'}</button>
      </form>
    </section>
  );
}

function FlagForm({ articleId, entry, flag, label }: { articleId: number; entry: LiveDeskEntry; flag: 'pinned' | 'keyEvent'; label: string }) {
  return (
    <form action={flagLiveEntryAction}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="entryId" value={entry.id} />
      <input type="hidden" name="flag" value={flag} />
      <input type="hidden" name="value" value={entry[flag] ? 'off' : 'on'} />
      <button type="submit">{label}</button>
    </form>
  );
}

function EntryFields({ idPrefix, entry }: { idPrefix: string; entry?: LiveDeskEntry }) {
  return (
    <>
      <div className={formStyles.field}>
        <label htmlFor={`${idPrefix}-title`}>Heading (optional)</label>
        <input id={`${idPrefix}-title`} name="title" maxLength={200} defaultValue={entry?.title ?? ''} />
      </div>
      <div className={formStyles.field}>
        <label htmlFor={`${idPrefix}-body`}>Text (Markdown)</label>
        <textarea id={`${idPrefix}-body`} name="body" rows={5} required maxLength={20000} defaultValue={entry?.body ?? ''} />
      </div>
      <div className={formStyles.field}>
        <label htmlFor={`${idPrefix}-image`}>Picture number (optional)</label>
        <input id={`${idPrefix}-image`} name="imageId" inputMode="numeric" pattern="[1-9][0-9]*" defaultValue={entry?.imageId ?? ''} aria-describedby={`${idPrefix}-image-hint`} />
        <span id={`${idPrefix}-image-hint`} className={formStyles.hint}>
          The number of a picture in the library (Dashboard → Pictures).
        </span>
      </div>
      <div className={formStyles.field}>
        <label htmlFor={`${idPrefix}-alt`}>Picture description</label>
        <input id={`${idPrefix}-alt`} name="imageAlt" maxLength={300} defaultValue={entry?.imageAlt ?? ''} />
      </div>
      <div className={styles.checks}>
        <label>
          <input type="checkbox" name="keyEvent" defaultChecked={entry?.keyEvent ?? false} /> Key event
        </label>
        <label>
          <input type="checkbox" name="pinned" defaultChecked={entry?.pinned ?? false} /> Pinned to the top
        </label>
      </div>
    </>
  );
}
