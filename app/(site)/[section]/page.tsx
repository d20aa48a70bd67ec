import type { Metadata } from 'next';
import { connection } from 'next/server';

import { SectionFront } from '@/components/pages/section-front';
import { getSection } from '@/data/taxonomy';
import { listingMetadata } from '@/lib/metadata';

export async function generateMetadata({ params }: PageProps<'/[section]'>): Promise<Metadata> {
  await connection();
  const section = await getSection((await params).section);
  if (!section) return {};
  return listingMetadata({ title: section.name, description: section.description || `The latest ${section.name} stories.`, path: `/${section.slug}` });
}

export default async function SectionPage({ params }: PageProps<'/[section]'>) {
  await connection();
  return <SectionFront slug={(await params).section} page={1} />;
}
