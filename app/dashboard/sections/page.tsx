import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

import styles from '@/components/dashboard/dashboard-admin.module.css';
import { SectionTable } from '@/components/dashboard/section-table';
import formStyles from '@/components/ui/form.module.css';
import { listDashboardSections } from '@/data/sections';
import { viewerWithOrNotFound } from '@/data/viewer';
import { isValidSlug } from '@/lib/slug';

export const metadata: Metadata = { title: 'Sections' };

const DONE = { created: 'created', updated: 'saved', deleted: 'deleted' } as const;

/** What the last action did, from the redirect's query string (only a well-formed slug is echoed). */
function doneMessage(params: Record<string, string | string[] | undefined>): string | null {
  for (const [key, verb] of Object.entries(DONE)) {
    const slug = params[key];
    if (typeof slug === 'string' && isValidSlug(slug)) return `Section /${slug} ${verb}.`;
  }
  return null;
}

export default async function SectionsPage({ searchParams }: PageProps<'/dashboard/sections'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('article:publish', '/dashboard/sections');
  const [sections, params] = await Promise.all([listDashboardSections(viewer), searchParams]);
  const message = doneMessage(params);
  return (
    <>
      <div className={styles.header}>
        <h1>Sections</h1>
        <Link href="/dashboard/sections/new">New section</Link>
      </div>
      <p className={styles.lede}>The sections readers see in the navigation, in this order. A section&apos;s address is fixed once it exists; a section can be deleted only when no article is filed in it.</p>
      {message && (
        <p className={formStyles.formSuccess} role="status">
          {message}
        </p>
      )}
      <SectionTable sections={sections} />
    </>
  );
}
