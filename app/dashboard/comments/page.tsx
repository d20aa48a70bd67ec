import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

import { DashboardPager } from '@/components/dashboard/dashboard-pager';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import { ModerationConfirmation } from '@/components/dashboard/moderation-confirmation';
import { ModerationQueue } from '@/components/dashboard/moderation-queue';
import { MODERATION_TABS, listModerationQueue } from '@/data/moderation';
import { viewerWithOrNotFound } from '@/data/viewer';
import { env } from '@/lib/env';
import { doneMessage } from '@/lib/moderation-decisions';
import { idParam, oneParam, parseSerialId } from '@/lib/query-params';

export const metadata: Metadata = { title: 'Comments' };

const TAB_LABELS = { pending: 'Pending', reported: 'Reported', all: 'All' } as const;

/** The moderation queue: pending, reported and all comments, newest first; ?confirm=… asks before a destructive decision. */
export default async function CommentsModerationPage({ searchParams }: PageProps<'/dashboard/comments'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('comment:moderate', '/dashboard/comments');
  const params = await searchParams;
  const tabParam = oneParam(params, 'tab');
  const tab = MODERATION_TABS.find((candidate) => candidate === tabParam) ?? 'pending';
  const queue = await listModerationQueue(viewer, { tab, page: idParam(params, 'page') ?? 1 });
  const rawIds = params.commentId;
  const commentIds = (Array.isArray(rawIds) ? rawIds : rawIds ? [rawIds] : []).flatMap((value) => parseSerialId(value) ?? []);
  const user = oneParam(params, 'user');
  const timeZone = env().SITE_TIMEZONE;
  return (
    <>
      <h1>Comments</h1>
      <nav aria-label="Queues">
        <ul className={dashboardStyles.counts}>
          {MODERATION_TABS.map((candidate) => (
            <li key={candidate}>
              <Link href={candidate === 'pending' ? '/dashboard/comments' : `/dashboard/comments?tab=${candidate}`} aria-current={candidate === tab ? 'page' : undefined}>
                {candidate !== 'all' && <strong>{queue.counts[candidate]}</strong>} {TAB_LABELS[candidate]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ModerationConfirmation params={{ confirm: oneParam(params, 'confirm'), commentIds, user: user && /^[0-9a-f-]{36}$/.test(user) ? user : undefined, tab, page: queue.page }} items={queue.items} timeZone={timeZone} />
      <ModerationQueue items={queue.items} timeZone={timeZone} tab={tab} page={queue.page} notice={doneMessage(params)} />
      <DashboardPager path="/dashboard/comments" page={queue.page} pageCount={queue.pageCount} query={{ tab: tab === 'pending' ? undefined : tab }} />
    </>
  );
}
