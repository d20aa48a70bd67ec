import type { ArticleFormat } from './article-formats';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "24 November 2026, 15:30 UTC" — a fixed time zone, so the server and every reader see the same words. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "24 Nov 2026" */
export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

export const FORMAT_LABELS: Record<ArticleFormat, string> = {
  news: 'News',
  analysis: 'Analysis',
  opinion: 'Opinion',
  explainer: 'Explainer',
  review: 'Review',
};

/** "Anna Berg", "Anna Berg and Tom Reyes", "A, B and C" */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
