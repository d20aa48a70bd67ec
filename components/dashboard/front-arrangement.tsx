import Link from 'next/link';

import { movePinAction, pinStoryAction, unpinStoryAction } from '@/actions/curation';
import { DateTime } from '@/components/ui/date-time';
import type { PinCandidate, Placement } from '@/data/curation';

import dashboardStyles from './dashboard.module.css';
import styles from './front-desk.module.css';

type SectionChoice = { id: number; name: string; slug: string };

function slotName(section: SectionChoice | null, index: number): string {
  if (section) return `Feature ${index + 1}`;
  return index === 0 ? 'Lead' : `Top story ${index + 1}`;
}

function PinButton({ front, articleId, direction, headline }: { front: string; articleId: number; direction: 'up' | 'down'; headline: string }) {
  return (
    <form action={movePinAction}>
      <input type="hidden" name="front" value={front} />
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className={dashboardStyles.secondaryButton} aria-label={`Move “${headline}” ${direction}`}>
        {direction === 'up' ? '↑ Up' : '↓ Down'}
      </button>
    </form>
  );
}

/** One front (the front page or a section's): the pinned stories in order, and a search to pin more. */
export function FrontArrangement(props: {
  sections: SectionChoice[];
  section: SectionChoice | null;
  placements: Placement[];
  candidates: PinCandidate[];
  query: string;
  limit: number;
}) {
  const { sections, section, placements, candidates, query, limit } = props;
  const front = section ? String(section.id) : 'home';
  const full = placements.length >= limit;
  const title = section ? `${section.name} front` : 'The front page';
  return (
    <section className={styles.panel} aria-labelledby="arrangement-title">
      <form method="get" className={styles.choose} aria-label="Choose a front">
        <label htmlFor="front-choice">Front</label>
        <select id="front-choice" name="front" defaultValue={front}>
          <option value="home">Front page</option>
          {sections.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </select>
        <button type="submit" className={dashboardStyles.secondaryButton}>
          Show
        </button>
      </form>
      <h2 id="arrangement-title">{title}</h2>
      <p className={styles.muted}>
        {section
          ? `Up to ${limit} featured stories open the section's page and its rail on the front page.`
          : `The first pinned story is the lead, the next ${limit - 1} the top stories.`}{' '}
        <a href={section ? `/${section.slug}` : '/'}>See it as readers do</a>
      </p>
      {placements.length === 0 ? (
        <p>Nothing is pinned: the newest stories fill this front.</p>
      ) : (
        <ol className={styles.pins} aria-label={`Pinned on ${title.toLowerCase()}`}>
          {placements.map((placement, index) => (
            <li key={placement.id} className={styles.pin}>
              <span className={styles.slot}>{slotName(section, index)}</span>
              <span className={styles.story}>
                <Link href={`/dashboard/articles/${placement.articleId}`}>{placement.headline}</Link>
                <span className={styles.muted}>
                  {' '}
                  {placement.sectionName}
                  {!placement.isPublic && (
                    <>
                      {' · '}
                      <strong>not public{placement.publishedAt && placement.status === 'published' ? <> until <DateTime iso={placement.publishedAt.toISOString()} /></> : ''}</strong>: readers do not see it here yet
                    </>
                  )}
                </span>
              </span>
              <span className={styles.controls}>
                {index > 0 && <PinButton front={front} articleId={placement.articleId} direction="up" headline={placement.headline} />}
                {index < placements.length - 1 && <PinButton front={front} articleId={placement.articleId} direction="down" headline={placement.headline} />}
                <form action={unpinStoryAction}>
                  <input type="hidden" name="front" value={front} />
                  <input type="hidden" name="articleId" value={placement.articleId} />
                  <button type="submit" className={dashboardStyles.secondaryButton} aria-label={`Take “${placement.headline}” off`}>
                    Take off
                  </button>
                </form>
              </span>
            </li>
          ))}
        </ol>
      )}

      <h3>Pin a story</h3>
      {full && <p className={styles.muted}>This front is full ({limit} stories): take one off to pin another.</p>}
      <form method="get" className={styles.search} role="search" aria-label="Find a story to pin">
        <input type="hidden" name="front" value={front} />
        <label htmlFor="pin-search">Headline contains</label>
        <input id="pin-search" name="q" type="search" defaultValue={query} />
        <button type="submit" className={dashboardStyles.secondaryButton}>
          Find
        </button>
      </form>
      {candidates.length === 0 ? (
        <p>{query ? `No published story${section ? ` in ${section.name}` : ''} matches “${query}”.` : 'No published stories to pin.'}</p>
      ) : (
        <ul className={styles.candidates} aria-label="Stories you can pin">
          {candidates.map((story) => (
            <li key={story.id} className={styles.pin}>
              <span className={styles.story}>
                {story.headline}
                <span className={styles.muted}>
                  {' '}
                  {story.sectionName}
                  {story.publishedAt && (
                    <>
                      {' · '}
                      {story.isPublic ? 'published ' : 'scheduled for '}
                      <DateTime iso={story.publishedAt.toISOString()} />
                    </>
                  )}
                </span>
              </span>
              {!full && (
                <span className={styles.controls}>
                  {!section && (
                    <form action={pinStoryAction}>
                      <input type="hidden" name="front" value={front} />
                      <input type="hidden" name="articleId" value={story.id} />
                      <input type="hidden" name="position" value="0" />
                      <button type="submit" aria-label={`Make “${story.headline}” the lead`}>
                        Make lead
                      </button>
                    </form>
                  )}
                  <form action={pinStoryAction}>
                    <input type="hidden" name="front" value={front} />
                    <input type="hidden" name="articleId" value={story.id} />
                    <button type="submit" className={section ? undefined : dashboardStyles.secondaryButton} aria-label={`Pin “${story.headline}”${section ? '' : ' as a top story'}`}>
                      {section ? 'Feature' : 'Pin as top story'}
                    </button>
                  </form>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
