/**
 * The demo newspaper's live blogs (docs/adr/0026): its newest public news story runs as a live blog with entries over
 * the last hours, and one from a few weeks back is a closed live blog with more than a page of entries. Both chosen
 * and written from the seeded generator and `now`, so the same seed gives the same rows.
 */
import type { PlannedArticle, PlannedAuthor } from './plan';
import type { Random } from './random';

export type PlannedLiveEntry = { title: string; body: string; keyEvent: boolean; pinned: boolean; postedAt: Date; authorSlug: string };
export type PlannedLiveBlog = { article: string; closedAt: Date | null; entries: PlannedLiveEntry[] };

const MINUTE = 60_000;
const DAY = 86_400_000;

const OPENINGS = [
  { title: 'Welcome to our live coverage', body: 'We will bring you every development as it happens. The key events are summarised at the top of the page.', keyEvent: false, pinned: true },
  { title: 'What we know so far', body: 'Officials have confirmed the main details. We are checking the rest and will correct anything that turns out to be wrong.', keyEvent: true, pinned: false },
];

const UPDATES = [
  { title: '', body: 'Our reporter on the scene says the mood is calm but expectant; more people have arrived in the last half hour.' },
  { title: 'Statement expected shortly', body: 'A spokesperson says a **formal statement** will follow within the hour.' },
  { title: '', body: 'Readers have been asking what happens next. In short:\n\n- the committee meets again tomorrow\n- a decision is due by the end of the week' },
  { title: 'First official figures', body: 'The first figures have been published. They are provisional and may change as the count goes on.' },
  { title: '', body: 'Traffic around the centre is heavy; the transport authority advises leaving extra time.' },
  { title: '', body: 'Opposition members say they will study the proposal before responding in detail.' },
  { title: 'Minister speaks', body: '> We have listened, and we will act.\n\nThe minister took no questions after the statement.' },
  { title: '', body: 'A short recap for those just joining us: the main points are in the key events above.' },
  { title: 'Vote confirmed', body: 'The vote has been confirmed for this evening. We will follow it here.' },
  { title: '', body: 'Local businesses say they expect a busy few days whatever the outcome.' },
  { title: '', body: 'We have corrected an earlier entry that gave the wrong start time; it is 7pm, not 6pm.' },
  { title: 'Reaction from abroad', body: 'Neighbouring governments have welcomed the announcement in brief statements.' },
];

const CLOSINGS = [{ title: 'That is all for today', body: 'Thank you for following our coverage. The full story, with analysis, is on our front page.', keyEvent: true }];

function entriesBetween(random: Random, authors: string[], start: number, end: number, count: number, closing: boolean): PlannedLiveEntry[] {
  const step = (end - start) / (count + 1);
  const updates = random.shuffle(UPDATES);
  return Array.from({ length: count }, (_, index) => {
    const postedAt = new Date(Math.round((start + step * (index + 1)) / MINUTE) * MINUTE);
    const opening = OPENINGS[index];
    const last = closing && index === count - 1 ? CLOSINGS[0] : undefined;
    const update = updates[index % updates.length]!;
    const text = opening ?? last ?? { ...update, keyEvent: update.title !== '' && random.chance(0.5) };
    return { title: text.title, body: text.body, keyEvent: 'keyEvent' in text ? Boolean(text.keyEvent) : false, pinned: opening?.pinned ?? false, postedAt, authorSlug: random.pick(authors) };
  });
}

/**
 * Turns two public news stories into live blogs (mutating their format): the newest one runs (entries over the hours
 * since it was published, at most twelve), one published three to six weeks ago is closed (24 entries over six hours).
 */
export function planLiveBlogs(random: Random, articles: PlannedArticle[], authors: PlannedAuthor[], now: Date): PlannedLiveBlog[] {
  const publicNews = articles.filter((article) => article.format === 'news' && article.status === 'published' && article.publishedAt !== null && article.publishedAt <= now && article.unpublishAt === null);
  const running = publicNews.at(-1);
  const closed = [...publicNews].reverse().find((article) => now.getTime() - article.publishedAt!.getTime() > 21 * DAY && now.getTime() - article.publishedAt!.getTime() < 42 * DAY);
  const writers = (article: PlannedArticle) => (article.authors.length > 0 ? article.authors : [authors[0]!.slug]);
  const blogs: PlannedLiveBlog[] = [];
  if (running) {
    const start = running.publishedAt!.getTime();
    const end = now.getTime() - 5 * MINUTE;
    const count = Math.max(3, Math.min(12, Math.floor((end - start) / (20 * MINUTE))));
    blogs.push({ article: running.slug, closedAt: null, entries: entriesBetween(random.fork('running'), writers(running), start, Math.max(end, start + count * MINUTE), count, false) });
  }
  if (closed) {
    const start = closed.publishedAt!.getTime();
    const end = start + 6 * 60 * MINUTE;
    blogs.push({ article: closed.slug, closedAt: new Date(end + 10 * MINUTE), entries: entriesBetween(random.fork('closed'), writers(closed), start, end, 24, true) });
  }
  for (const blog of blogs) articles.find((article) => article.slug === blog.article)!.format = 'live';
  return blogs;
}
