import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

import { ArticleTable } from '@/components/dashboard/article-table';
import { DESK_STATES, DESK_STATE_LABELS, getDeskOverview } from '@/data/article-desk';
import { requireCapability } from '@/data/viewer';

export const metadata: Metadata = { title: 'Overview' };

/** At a glance: my drafts, stories in review, what is scheduled, and comments waiting for a moderator. */
export default async function DashboardHome() {
  await connection();
  const viewer = await requireCapability('article:write', '/dashboard');
  const overview = await getDeskOverview(viewer);
  return (
    <>
      <h1>Newsroom</h1>
      <p>
        Welcome, {viewer.name}. <Link href="/dashboard/articles/new">Write a new story</Link>
      </p>
      <ul className="dashboard-counts" aria-label="Stories by state">
        {DESK_STATES.map((state) => (
          <li key={state}>
            <Link href={`/dashboard/articles?state=${state}`}>
              <strong>{overview.counts[state]}</strong> {DESK_STATE_LABELS[state]}
            </Link>
          </li>
        ))}
        {overview.pendingComments !== null && (
          <li>
            <Link href="/dashboard/comments">
              <strong>{overview.pendingComments}</strong> Comments awaiting moderation
            </Link>
          </li>
        )}
        {overview.openReports !== null && (
          <li>
            <Link href="/dashboard/comments?tab=reported">
              <strong>{overview.openReports}</strong> Reported comments
            </Link>
          </li>
        )}
      </ul>
      <section aria-labelledby="my-drafts">
        <h2 id="my-drafts">My drafts</h2>
        <ArticleTable rows={overview.myDrafts} caption="My drafts" />
      </section>
      <section aria-labelledby="in-review">
        <h2 id="in-review">In review</h2>
        <ArticleTable rows={overview.inReview} caption="In review" />
      </section>
      <section aria-labelledby="scheduled">
        <h2 id="scheduled">Scheduled</h2>
        <ArticleTable rows={overview.scheduled} caption="Scheduled" />
      </section>
    </>
  );
}
