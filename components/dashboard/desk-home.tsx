import Link from 'next/link';

import { markDeskSeenAction } from '@/actions/review';
import common from '@/components/ui/common.module.css';
import { DateTime } from '@/components/ui/date-time';
import formStyles from '@/components/ui/form.module.css';
import { DESK_STATE_LABELS } from '@/data/desk-state';
import type { DeskHome, HomePanel, HomeRow } from '@/data/article-review';

import styles from './desk-home.module.css';

/**
 * The dashboard home's review panels (docs/adr/0015): what needs the viewer (sent back to me, assigned to me), the
 * review queue, and what went out since they last looked, each with its count. Server-rendered; "Mark as seen" is a
 * plain form post.
 */

const TIME_LABEL = { saved: 'Last saved', 'sent-back': 'Sent back', published: 'Published' } as const;

function Rows({ panel, time, empty }: { panel: HomePanel; time: keyof typeof TIME_LABEL; empty: React.ReactNode }) {
  if (panel.rows.length === 0) return <p className={styles.empty}>{empty}</p>;
  return (
    <ul className={styles.rows}>
      {panel.rows.map((row) => (
        <Row key={row.id} row={row} time={time} />
      ))}
    </ul>
  );
}

function Row({ row, time }: { row: HomeRow; time: keyof typeof TIME_LABEL }) {
  return (
    <li className={styles.row}>
      <Link href={row.href} className={styles.headline}>
        {row.headline}
      </Link>
      <span className={styles.meta}>
        {row.sectionName} · {time !== 'published' && <span className={`status-badge ${common.statusBadge}`}>{DESK_STATE_LABELS[row.status]}</span>}
        {time !== 'published' && ' · '}
        {TIME_LABEL[time]} <DateTime iso={row.at} />
      </span>
      {row.note !== undefined && (
        <span className={styles.note}>
          “{row.note}” <span className={styles.noteBy}>— {row.noteBy ?? 'a former editor'}</span>
        </span>
      )}
    </li>
  );
}

function Panel({ id, title, total, shown, children, more }: { id: string; title: string; total: number; shown: number; children: React.ReactNode; more?: { href: string; label: string } }) {
  return (
    <section id={id} className={styles.panel} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.title}>
        {title} <span className={styles.count}>{total}</span>
      </h2>
      {children}
      {total > shown && (
        <p className={styles.more}>
          Showing {shown} of {total}.{more && <> <Link href={more.href}>{more.label}</Link></>}
        </p>
      )}
    </section>
  );
}

export function DeskHomePanels({ home, isEditor, seenNotice }: { home: DeskHome; isEditor: boolean; seenNotice: boolean }) {
  const { sentBackToMe, assignedToMe, waitingForReview, publishedSince } = home;
  return (
    <div className={styles.panels}>
      <Panel id="sent-back-to-me" title="Sent back to me" total={sentBackToMe.total} shown={sentBackToMe.rows.length}>
        <Rows panel={sentBackToMe} time="sent-back" empty="Nothing has been sent back to you. When an editor returns one of your stories with a note, it shows here." />
      </Panel>
      <Panel id="assigned-to-me" title="Assigned to me" total={assignedToMe.total} shown={assignedToMe.rows.length}>
        <Rows panel={assignedToMe} time="saved" empty="Nothing is assigned to you right now." />
      </Panel>
      <Panel id="waiting-for-review" title="Waiting for review" total={waitingForReview.total} shown={waitingForReview.rows.length} more={{ href: '/dashboard/articles?state=in_review', label: 'All stories in review' }}>
        <p className={styles.hint}>{isEditor ? 'Every story in review, longest waiting first.' : 'Your stories with the editors, longest waiting first.'}</p>
        <Rows panel={waitingForReview} time="saved" empty={isEditor ? 'No stories are waiting for review.' : 'None of your stories is waiting for review.'} />
      </Panel>
      <Panel id="published-since" title="Published since you last looked" total={publishedSince.total} shown={publishedSince.rows.length} more={{ href: '/dashboard/articles?state=published&sort=published', label: 'All published stories' }}>
        <p className={styles.hint}>
          {publishedSince.isFirstLook ? (
            'In the last 24 hours (you have not marked this list as seen yet).'
          ) : (
            <>
              Since <DateTime iso={publishedSince.since} />, when you last marked it as seen.
            </>
          )}
        </p>
        {seenNotice && (
          <p className={formStyles.formSuccess} role="status">
            Marked as seen. Stories published from now on will show here.
          </p>
        )}
        <Rows panel={publishedSince} time="published" empty={publishedSince.isFirstLook ? 'Nothing has been published in the last 24 hours.' : 'Nothing new has been published since you last looked.'} />
        {publishedSince.total > 0 && (
          <form action={markDeskSeenAction} className={styles.seenForm}>
            <input type="hidden" name="shownAt" value={home.shownAt} />
            <button type="submit" className={styles.button}>
              Mark as seen
            </button>
          </form>
        )}
      </Panel>
    </div>
  );
}
