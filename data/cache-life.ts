import 'server-only';

import { getReplicaDb } from '@/db/client';
import { nextPublicChange } from '@/db/next-change';

export const MINUTE = 60;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Lifetime = { stale: number; revalidate: number; expire: number };

/**
 * The next moment the public site changes by itself: a scheduled story falls due, one expires, or a breaking-news
 * banner runs out.
 * Cached lists must not outlive it. Public: read from a replica when there are some (docs/adr/0011).
 */
export async function getNextScheduledChange(): Promise<Date | null> {
  const rows = await getReplicaDb().execute<{ next: Date | string | null }>(nextPublicChange);
  const next = rows[0]?.next;
  return next ? new Date(next) : null;
}

/**
 * A cacheLife profile that lasts `capSeconds` but ends no later than `until`, so a story that falls due
 * (or expires) is reflected from its minute on: expired entries are recomputed before they are served.
 */
export function lifetimeUntil(until: Date | null, capSeconds: number, now = Date.now()): Lifetime {
  const remaining = until ? Math.ceil((until.getTime() - now) / 1000) : Number.POSITIVE_INFINITY;
  const seconds = Math.max(1, Math.min(capSeconds, remaining));
  return { stale: Math.min(seconds, 5 * MINUTE), revalidate: seconds, expire: seconds };
}
