import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { SectionFront } from '@/components/pages/section-front';
import { getSection } from '@/data/taxonomy';
import { listingMetadata } from '@/lib/metadata';
import { parsePageNumber } from '@/lib/page-number';

export async function generateMetadata({ params }: PageProps<'/[section]/page/[page]'>): Promise<Metadata> {
  await connection();
  const { section: slug, page } = await params;
  const section = await getSection(slug);
  const number = parsePageNumber(page);
  if (!section || !number) return {};
  return listingMetadata({ title: section.name, description: section.description || `The latest ${section.name} stories.`, path: `/${section.slug}`, page: number });
}

export default async function SectionPageN({ params }: PageProps<'/[section]/page/[page]'>) {
  await connection();
  const { section, page } = await params;
  const number = parsePageNumber(page);
  if (number === null || number < 2) notFound();
  return <SectionFront slug={section} page={number} />;
}
