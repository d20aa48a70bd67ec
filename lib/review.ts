/**
 * The review loop's pure rules (docs/adr/0015): how far back "published since you last looked" reaches, the first
 * line of a send-back note, and the refusals the review forms report on the page they come back to (a plain form
 * post has no other way to carry them, so they travel as `?problem=<code>`).
 */

/** Without a seen-at time, "published since you last looked" shows the last day. */
export const NEVER_SEEN_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Each panel on the dashboard home lists at most this many stories (and says how many there are). */
export const HOME_PANEL_LIMIT = 10;

/** A story's desk notes shown on its page (newest kept; the page says when older ones are left out). */
export const DESK_NOTES_LIMIT = 100;

/** Where "published since you last looked" starts: the seen-at time, or a day before `now` when never set. */
export function publishedSinceStart(deskSeenAt: Date | null, now: Date): Date {
  return deskSeenAt ?? new Date(now.getTime() - NEVER_SEEN_WINDOW_MS);
}

/**
 * The seen-at time "Mark as seen" stores: the moment the page showing the list was made (so a story published while
 * the editor was reading stays new), never in the future, and never earlier than what was stored before.
 */
export function nextDeskSeenAt(shownAt: Date | null, previous: Date | null, now: Date): Date {
  const shown = shownAt && !Number.isNaN(shownAt.getTime()) && shownAt <= now ? shownAt : now;
  return previous && previous > shown ? previous : shown;
}

/** The first non-empty line of a note, shortened for a list. */
export function firstLine(text: string, max = 140): string {
  const line = text.split('\n').map((part) => part.trim()).find(Boolean) ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

export const REVIEW_PROBLEMS = {
  'note-missing': 'Write a note of at least 5 characters (at most 2,000) so the writer knows what to change.',
  'desk-note-missing': 'Write a note of at least 2 characters (at most 2,000).',
  'not-in-review': 'Only a story in review can be sent back. It may have been published or sent back already: see its state above.',
  'no-writer': 'This story’s writer can no longer open it (their account was removed, disabled or is no longer staff), so it cannot be sent back. Assign it to someone else instead.',
  outdated: 'The story changed since this page was loaded. Read the latest version below, then send it back again if it still needs it.',
  'assignee-invalid': 'Choose a member of staff from the list.',
  'assignee-not-own': 'A contributor can only be given stories they wrote: they cannot open anyone else’s.',
  forbidden: 'You do not have permission to do that with this story.',
  'not-found': 'This story no longer exists.',
} as const;

export type ReviewProblem = keyof typeof REVIEW_PROBLEMS;

/** The message for a `?problem=` code, or null for anything unknown (never echo the query string). */
export function reviewProblemMessage(code: string | undefined): string | null {
  return code && Object.hasOwn(REVIEW_PROBLEMS, code) ? REVIEW_PROBLEMS[code as ReviewProblem] : null;
}
