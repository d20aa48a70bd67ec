import { liftBreakingNewsAction, startBreakingNewsAction } from '@/actions/curation';
import { DateTime } from '@/components/ui/date-time';
import formStyles from '@/components/ui/form.module.css';
import type { BreakingNewsEntry } from '@/data/breaking-news';
import type { PinCandidate } from '@/data/curation';
import { BREAKING_DURATIONS } from '@/lib/validation/curation';

import dashboardStyles from './dashboard.module.css';
import styles from './front-desk.module.css';

/** The breaking-news banner: the live one (with Lift), a form to put one up, and the last few. */
export function BreakingNewsPanel({ banners, stories }: { banners: BreakingNewsEntry[]; stories: PinCandidate[] }) {
  const live = banners.find((banner) => banner.isLive);
  return (
    <section className={styles.panel} aria-labelledby="breaking-title">
      <h2 id="breaking-title">Breaking news</h2>
      {live ? (
        <div className={styles.live}>
          <p>
            <strong>Live across the site:</strong> {live.headline}
            {live.articleHeadline && <> (links to “{live.articleHeadline}”)</>}.{' '}
            {live.expiresAt ? (
              <>
                Comes down at <DateTime iso={live.expiresAt.toISOString()} />.
              </>
            ) : (
              'Stays up until lifted.'
            )}
          </p>
          <form action={liftBreakingNewsAction}>
            <input type="hidden" name="id" value={live.id} />
            <button type="submit" className={dashboardStyles.secondaryButton}>
              Lift the banner
            </button>
          </form>
        </div>
      ) : (
        <p className={styles.muted}>No banner is up.</p>
      )}
      <form action={startBreakingNewsAction} className={styles.breakingForm} aria-label="Put up a breaking-news banner">
        <div className={formStyles.field}>
          <label htmlFor="breaking-headline">Banner text</label>
          <input id="breaking-headline" name="headline" required minLength={5} maxLength={140} placeholder="Polls close: results from 10 pm" />
        </div>
        <div className={formStyles.field}>
          <label htmlFor="breaking-story">Links to</label>
          <select id="breaking-story" name="articleId" defaultValue="">
            <option value="">No story</option>
            {stories.map((story) => (
              <option key={story.id} value={story.id}>
                {story.headline}
                {story.isPublic ? '' : ' (scheduled)'}
              </option>
            ))}
          </select>
        </div>
        <div className={formStyles.field}>
          <label htmlFor="breaking-duration">Stays up for</label>
          <select id="breaking-duration" name="duration" defaultValue="120">
            {BREAKING_DURATIONS.map((choice) => (
              <option key={choice.minutes} value={choice.minutes}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{live ? 'Replace the banner' : 'Put up the banner'}</button>
      </form>
    </section>
  );
}
