import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { deleteSectionAction } from '@/actions/sections';
import { ConfirmDialog, ConfirmForm } from '@/components/dashboard/confirm';
import { SectionDeleteForm } from '@/components/dashboard/section-delete-form';
import { SectionEditForm } from '@/components/dashboard/section-edit-form';
import { getDashboardSection } from '@/data/sections';
import { viewerWithOrNotFound } from '@/data/viewer';
import { sectionIdSchema } from '@/lib/validation/sections';

export const metadata: Metadata = { title: 'Edit section' };

export default async function EditSectionPage({ params, searchParams }: PageProps<'/dashboard/sections/[id]'>) {
  await connection();
  const { id } = await params;
  const viewer = await viewerWithOrNotFound('article:publish', `/dashboard/sections/${encodeURIComponent(id)}`);
  const parsed = sectionIdSchema.safeParse({ id });
  if (!parsed.success) notFound();
  const section = await getDashboardSection(viewer, parsed.data.id);
  if (!section) notFound();
  const { confirm } = await searchParams;
  const cancelHref = `/dashboard/sections/${section.id}`;
  return (
    <>
      <p>
        <Link href="/dashboard/sections">← Sections</Link>
      </p>
      <h1>{section.name}</h1>
      {confirm === 'delete' && section.articleCount === 0 && (
        <ConfirmDialog title={`Delete the section “${section.name}”?`} cancelHref={cancelHref}>
          <p>
            It leaves the section menu at once, and its page /{section.slug} answers “Page not found” (404). No article is filed in it. This cannot be undone; a new section can take
            the address later.
          </p>
          <ConfirmForm action={deleteSectionAction} fields={{ id: String(section.id) }} confirmLabel="Yes, delete the section" cancelHref={cancelHref} />
        </ConfirmDialog>
      )}
      <SectionEditForm section={section} />
      <SectionDeleteForm id={section.id} name={section.name} articleCount={section.articleCount} />
    </>
  );
}
