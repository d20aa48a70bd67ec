import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

import { AuthorTable } from '@/components/dashboard/author-table';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import formStyles from '@/components/ui/form.module.css';
import { listDashboardAuthors } from '@/data/authors';
import { viewerWithOrNotFound } from '@/data/viewer';

export const metadata: Metadata = { title: 'Authors' };

/** Editors and admins: every author profile. */
export default async function AuthorsPage({ searchParams }: PageProps<'/dashboard/authors'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('article:publish', '/dashboard/authors');
  const { created, updated } = await searchParams;
  const authors = await listDashboardAuthors(viewer);
  const savedId = Number(typeof updated === 'string' ? updated : typeof created === 'string' ? created : NaN);
  const saved = authors.find((author) => author.id === savedId);
  return (
    <>
      <h1>Authors</h1>
      {saved && (
        <p className={formStyles.formSuccess} role="status">
          {created ? 'Created' : 'Saved'} the profile of {saved.name}.
        </p>
      )}
      <p className={dashboardStyles.toolbar}>
        <Link href="/dashboard/authors/new">New author profile</Link>
      </p>
      <AuthorTable authors={authors} />
    </>
  );
}
