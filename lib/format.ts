import type { ArticleFormat } from './article-formats';

const formatters = new Map<string, { dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

function formattersFor(timeZone: string) {
  let found = formatters.get(timeZone);
  if (!found) {
    found = {
      dateTime: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }),
      date: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone }),
    };
    formatters.set(timeZone, found);
  }
  return found;
}

/**
 * "24 November 2026 at 15:30 GMT" in the newsroom's time zone (SITE_TIMEZONE), named, so the server and every reader
 * see the same words whatever their own clock says. Pages pass the zone in (components/ui/date-time.tsx).
 */
export function formatDateTime(iso: string, timeZone: string): string {
  return formattersFor(timeZone).dateTime.format(new Date(iso));
}

/** "24 Nov 2026", the day as it is in `timeZone`. */
export function formatDate(iso: string, timeZone: string): string {
  return formattersFor(timeZone).date.format(new Date(iso));
}

export const FORMAT_LABELS: Record<ArticleFormat, string> = {
  news: 'News',
  analysis: 'Analysis',
  opinion: 'Opinion',
  explainer: 'Explainer',
  review: 'Review',
  live: 'Live',
};

/** "Anna Berg", "Anna Berg and Tom Reyes", "A, B and C" */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
