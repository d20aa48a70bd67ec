import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { SectionDeleteForm } from '@/components/dashboard/section-delete-form';
import { SectionEditForm } from '@/components/dashboard/section-edit-form';
import { getDashboardSection } from '@/data/sections';
import { requireCapability } from '@/data/viewer';
import { sectionIdSchema } from '@/lib/validation/sections';

export const metadata: Metadata = { title: 'Edit section' };

export default async function EditSectionPage({ params }: PageProps<'/dashboard/sections/[id]'>) {
  await connection();
  const { id } = await params;
  const viewer = await requireCapability('article:publish', `/dashboard/sections/${encodeURIComponent(id)}`);
  const parsed = sectionIdSchema.safeParse({ id });
  if (!parsed.success) notFound();
  const section = await getDashboardSection(viewer, parsed.data.id);
  if (!section) notFound();
  return (
    <>
      <p>
        <Link href="/dashboard/sections">← Sections</Link>
      </p>
      <h1>{section.name}</h1>
      <SectionEditForm section={section} />
      <SectionDeleteForm id={section.id} name={section.name} articleCount={section.articleCount} />
    </>
  );
}
