import { escapeHtml } from './html';
import type { LiveEvent } from './live-events';
import { renderMarkdown } from './markdown';

export { livePath, parseLivePath, streamReader, type LiveEvent, type StreamMessage } from './live-events';
export { LIVE_PAGE_SIZE, livePageCount, livePageOf, liveSearch, parseLivePage } from './live-pages';

/**
 * Live blogs (docs/adr/0026): the pure rules. How entries are paged and ordered, what the page's query means, the
 * one piece of markup an entry is (the page and the live stream both send it), and the stream's wire format.
 */

/** The PostgreSQL channel every write to live_entries notifies, with the article's id as the payload. */
export const LIVE_CHANNEL = 'live_entries';

/** An entry as the page and the stream show it. */
export type LiveEntryView = {
  id: number;
  title: string;
  body: string;
  keyEvent: boolean;
  pinned: boolean;
  postedAt: Date;
  updatedAt: Date | null;
  authorName: string | null;
  picture: { fileName: string; width: number; height: number; alt: string } | null;
};

/** What the key-events summary (and the feed) calls an entry: its heading, or its first words. */
export function entrySummary(entry: { title: string; body: string }): string {
  if (entry.title.trim()) return entry.title.trim();
  const text = plainText(entry.body);
  return text.length > 90 ? `${text.slice(0, 89).trimEnd()}…` : text;
}

/** An entry's Markdown as plain text on one line (the feed's descriptions): pictures dropped, links by their text. */
export function plainText(markdown: string): string {
  return markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[#>*_`~|]/g, '').replace(/\s+/g, ' ').trim();
}

/** The anchor of an entry on the page: the key-events summary links to it. */
export const liveEntryAnchor = (id: number) => `entry-${id}`;

function clockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(at);
}

function dayAndTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(at);
}

/**
 * One entry's markup, the only place it is written: the article page inserts it as HTML, and the live stream sends
 * the same string to readers' browsers. The body goes through the article Markdown pipeline (sanitised, raw HTML
 * dropped); every other value is escaped. Its class names are fixed (`live-entry…`): the stream is written outside
 * Next's build, so components/article/live-blog.module.css styles them as globals under its own list class.
 */
export function renderLiveEntry(entry: LiveEntryView, timeZone: string): string {
  const time = `<time datetime="${entry.postedAt.toISOString()}" title="${escapeHtml(dayAndTime(entry.postedAt, timeZone))}">${clockTime(entry.postedAt, timeZone)}</time>`;
  const flags = [entry.pinned ? `<span class="${classes.flag}">Pinned</span>` : '', entry.keyEvent ? `<span class="${classes.flag} ${classes.keyFlag}">Key event</span>` : ''].join('');
  const heading = entry.title ? `<h3 class="${classes.title}">${escapeHtml(entry.title)}</h3>` : '';
  const picture = entry.picture
    ? `<figure class="${classes.picture}"><img src="/media/${encodeURIComponent(entry.picture.fileName)}" width="${entry.picture.width}" height="${entry.picture.height}" alt="${escapeHtml(entry.picture.alt)}" loading="lazy" decoding="async"></figure>`
    : '';
  const by = entry.authorName ? `<p class="${classes.by}">${escapeHtml(entry.authorName)}</p>` : '';
  const edited = entry.updatedAt ? ` <span class="${classes.by}">(edited)</span>` : '';
  return (
    `<article id="${liveEntryAnchor(entry.id)}" class="${classes.entry}${entry.keyEvent ? ` ${classes.key}` : ''}" data-entry="${entry.id}" aria-labelledby="${liveEntryAnchor(entry.id)}-time">` +
    `<p class="${classes.meta}" id="${liveEntryAnchor(entry.id)}-time">${time}${flags}${edited}</p>${heading}${picture}` +
    `<div class="${classes.body}">${renderMarkdown(entry.body)}</div>${by}</article>`
  );
}

const classes = {
  entry: 'live-entry',
  key: 'live-entry--key',
  meta: 'live-entry__meta',
  flag: 'live-entry__flag',
  keyFlag: 'live-entry__flag--key',
  title: 'live-entry__title',
  picture: 'live-entry__picture',
  body: 'live-entry__body',
  by: 'live-entry__by',
} as const;

/** A Server-Sent Events message: one `data:` line (JSON has no raw newlines), an id to resume from, blank line. */
export function sseMessage(event: LiveEvent, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * The NOTIFY payload: `<articleId>:<entryId>:<what>`, small and fixed in shape (PostgreSQL's limit is 8000 bytes;
 * the entry itself is read by each instance once, not carried).
 */
export type LiveNotice = { articleId: number; entryId: number; what: 'posted' | 'edited' | 'removed' | 'closed' };

export function formatLiveNotice(notice: LiveNotice): string {
  return `${notice.articleId}:${notice.entryId}:${notice.what}`;
}

export function parseLiveNotice(payload: string): LiveNotice | null {
  const match = /^([1-9][0-9]{0,9}):([0-9]{1,10}):(posted|edited|removed|closed)$/.exec(payload);
  return match ? { articleId: Number(match[1]), entryId: Number(match[2]), what: match[3] as LiveNotice['what'] } : null;
}

/** What the dashboard's live-blog panel says when a write is refused (`?live-problem=`), and its notices (`?live=`). */
export const LIVE_PROBLEMS = {
  entry: 'The entry was not posted: it needs text, a heading of one line under 200 characters and a picture description under 300.',
  closed: 'This live blog is closed: reopen it to post.',
  picture: 'There is no picture with that number in the library.',
} as const;

export type LiveProblem = keyof typeof LIVE_PROBLEMS;

export const LIVE_NOTICES = {
  posted: 'Entry posted. Readers with the page open see it now.',
  edited: 'Entry changed.',
  deleted: 'Entry deleted.',
  flagged: 'Entry updated.',
  closed: 'The live blog is closed. It now reads as an ordinary article.',
  reopened: 'The live blog is running again.',
} as const;

export type LiveNoticeKey = keyof typeof LIVE_NOTICES;
