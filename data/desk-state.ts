import 'server-only';

import { eq, sql, type SQL } from 'drizzle-orm';

import { articles } from '@/db/schema';
import { isExpired, isPublic, isScheduled } from '@/db/visibility';

/**
 * Where a story stands, as the dashboard names it: its workflow status, and for a published story whether it is
 * live, still to come or over (the rules themselves are db/visibility.ts).
 */
export const DESK_STATES = ['draft', 'in_review', 'scheduled', 'published', 'expired'] as const;
export type DeskState = (typeof DESK_STATES)[number];

export const DESK_STATE_LABELS: Record<DeskState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  expired: 'Expired',
};

/** A story's desk state, as a column. */
export const deskStateSql = sql<DeskState>`case
  when ${articles.status} <> 'published' then ${articles.status}::text
  when ${isScheduled()} then 'scheduled'
  when ${isExpired()} then 'expired'
  else 'published' end`;

/** The stories in one desk state. */
export function inDeskState(state: DeskState): SQL {
  switch (state) {
    case 'draft':
    case 'in_review':
      return eq(articles.status, state);
    case 'scheduled':
      return isScheduled();
    case 'expired':
      return isExpired();
    case 'published':
      return isPublic();
  }
}
