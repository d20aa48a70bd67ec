import type { Metadata } from 'next';
import { connection } from 'next/server';

import { TagPage } from '@/components/pages/tag-page';
import { getTag } from '@/data/taxonomy';
import { listingMetadata } from '@/lib/metadata';

export async function generateMetadata({ params }: PageProps<'/tag/[slug]'>): Promise<Metadata> {
  await connection();
  const tag = await getTag((await params).slug);
  if (!tag) return {};
  return listingMetadata({ title: tag.name, description: tag.description || `Stories about ${tag.name}.`, path: `/tag/${tag.slug}` });
}

export default async function Page({ params }: PageProps<'/tag/[slug]'>) {
  await connection();
  return <TagPage slug={(await params).slug} page={1} />;
}
