import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

import { ArticleTable } from '@/components/dashboard/article-table';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import { DeskHomePanels } from '@/components/dashboard/desk-home';
import { getDeskOverview } from '@/data/article-desk';
import { DESK_STATES, DESK_STATE_LABELS } from '@/data/desk-state';
import { getDeskHome } from '@/data/article-review';
import { viewerWithOrNotFound } from '@/data/viewer';
import { can } from '@/lib/permissions';
import { oneParam } from '@/lib/query-params';

export const metadata: Metadata = { title: 'Overview' };

/**
 * At a glance: what needs me (sent back to me, assigned to me), what waits for review, what was published since I
 * last looked, my drafts, what is scheduled, and comments waiting for a moderator.
 */
export default async function DashboardHome({ searchParams }: PageProps<'/dashboard'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('article:write', '/dashboard');
  const [overview, home] = await Promise.all([getDeskOverview(viewer), getDeskHome(viewer)]);
  const seenNotice = oneParam(await searchParams, 'seen') === '1';
  return (
    <>
      <h1>Newsroom</h1>
      <p>
        Welcome, {viewer.name}. <Link href="/dashboard/articles/new">Write a new story</Link>
      </p>
      <ul className={dashboardStyles.counts} aria-label="Stories by state">
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
      <DeskHomePanels home={home} isEditor={can(viewer, 'article:publish')} seenNotice={seenNotice} />
      <section aria-labelledby="my-drafts">
        <h2 id="my-drafts">My drafts</h2>
        <ArticleTable rows={overview.myDrafts} caption="My drafts" />
      </section>
      <section aria-labelledby="scheduled">
        <h2 id="scheduled">Scheduled</h2>
        <ArticleTable rows={overview.scheduled} caption="Scheduled" />
      </section>
    </>
  );
}
