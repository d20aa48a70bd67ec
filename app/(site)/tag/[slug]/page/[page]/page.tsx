import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { TagPage } from '@/components/pages/tag-page';
import { getTag } from '@/data/taxonomy';
import { listingMetadata } from '@/lib/metadata';
import { parsePageNumber } from '@/lib/page-number';

export async function generateMetadata({ params }: PageProps<'/tag/[slug]/page/[page]'>): Promise<Metadata> {
  await connection();
  const { slug, page } = await params;
  const tag = await getTag(slug);
  const number = parsePageNumber(page);
  if (!tag || !number) return {};
  return listingMetadata({ title: tag.name, description: tag.description || `Stories about ${tag.name}.`, path: `/tag/${tag.slug}`, page: number });
}

export default async function Page({ params }: PageProps<'/tag/[slug]/page/[page]'>) {
  await connection();
  const { slug, page } = await params;
  const number = parsePageNumber(page);
  if (number === null || number < 2) notFound();
  return <TagPage slug={slug} page={number} />;
}
