import type { Metadata } from 'next';
import { connection } from 'next/server';

import styles from '@/components/dashboard/dashboard-admin.module.css';
import { DashboardPager } from '@/components/dashboard/dashboard-pager';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import { TagCreateForm } from '@/components/dashboard/tag-create-form';
import { TagTable } from '@/components/dashboard/tag-table';
import formStyles from '@/components/ui/form.module.css';
import { listDashboardTags } from '@/data/tags';
import { viewerWithOrNotFound } from '@/data/viewer';
import { isValidSlug } from '@/lib/slug';
import { tagListParamsSchema } from '@/lib/validation/tags';

export const metadata: Metadata = { title: 'Tags' };

export default async function TagsPage({ searchParams }: PageProps<'/dashboard/tags'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('article:publish', '/dashboard/tags');
  const params = await searchParams;
  const { q, page } = tagListParamsSchema.parse(params);
  const list = await listDashboardTags(viewer, { q, page });
  const created = typeof params.created === 'string' && isValidSlug(params.created) ? params.created : null;
  const deleted = typeof params.deleted === 'string' && isValidSlug(params.deleted) ? params.deleted : null;
  return (
    <>
      <h1>Tags</h1>
      <p className={styles.lede}>Rename a tag, merge duplicates into one, or delete it. A tag&apos;s address stays the same when it is renamed.</p>
      {created && (
        <p className={formStyles.formSuccess} role="status">
          Tag /tag/{created} created.
        </p>
      )}
      {deleted && (
        <p className={formStyles.formSuccess} role="status">
          Tag /tag/{deleted} deleted.
        </p>
      )}
      <form className={`${dashboardStyles.toolbar} ${styles.toolbar}`} role="search" action="/dashboard/tags">
        <label>
          Search tags
          <input type="search" name="q" defaultValue={q} />
        </label>
        <button type="submit">Search</button>
      </form>
      <p className={styles.muted}>
        {list.total} {list.total === 1 ? 'tag' : 'tags'}
        {q ? ` matching “${q}”` : ''}
      </p>
      {list.items.length > 0 && <TagTable tags={list.items} />}
      <DashboardPager path="/dashboard/tags" page={list.page} pageCount={list.pageCount} query={{ q }} />
      <TagCreateForm />
    </>
  );
}
