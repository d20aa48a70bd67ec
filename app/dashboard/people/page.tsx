import type { Metadata } from 'next';
import { connection } from 'next/server';

import styles from '@/components/dashboard/dashboard-admin.module.css';
import { DashboardPager } from '@/components/dashboard/dashboard-pager';
import { PeopleSearch } from '@/components/dashboard/people-search';
import { PeopleTable } from '@/components/dashboard/people-table';
import { listPeople } from '@/data/people';
import { viewerWithOrNotFound } from '@/data/viewer';
import { peopleListParamsSchema } from '@/lib/validation/people';

export const metadata: Metadata = { title: 'People' };

export default async function PeoplePage({ searchParams }: PageProps<'/dashboard/people'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('user:manage', '/dashboard/people');
  const params = peopleListParamsSchema.parse(await searchParams);
  const list = await listPeople(viewer, params);
  return (
    <>
      <h1>People</h1>
      <p className={styles.lede}>Every account, newest first. Open one to change its role, disable it or sign it out everywhere.</p>
      <PeopleSearch params={params} />
      <p className={styles.muted}>
        {list.total} {list.total === 1 ? 'account' : 'accounts'}
      </p>
      {list.items.length > 0 ? <PeopleTable people={list.items} /> : <p>No account matches.</p>}
      <DashboardPager path="/dashboard/people" page={list.page} pageCount={list.pageCount} query={{ q: params.q, role: params.role, status: params.status === 'all' ? undefined : params.status }} />
    </>
  );
}
