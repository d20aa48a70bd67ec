import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

import { SectionCreateForm } from '@/components/dashboard/section-create-form';
import { viewerWithOrNotFound } from '@/data/viewer';

export const metadata: Metadata = { title: 'New section' };

export default async function NewSectionPage() {
  await connection();
  await viewerWithOrNotFound('article:publish', '/dashboard/sections/new');
  return (
    <>
      <p>
        <Link href="/dashboard/sections">← Sections</Link>
      </p>
      <h1>New section</h1>
      <SectionCreateForm />
    </>
  );
}
