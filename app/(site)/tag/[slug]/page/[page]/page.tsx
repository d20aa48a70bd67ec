import type { Metadata } from 'next';
import { connection } from 'next/server';
import { notFound } from 'next/navigation';

import { TagPage } from '@/components/pages/tag-page';
import { getTag } from '@/data/taxonomy';
import { parsePageNumber } from '@/lib/page-number';

export async function generateMetadata({ params }: PageProps<'/tag/[slug]/page/[page]'>): Promise<Metadata> {
  await connection();
  const { slug, page } = await params;
  const tag = await getTag(slug);
  return tag ? { title: `${tag.name}, page ${page}` } : {};
}

export default async function Page({ params }: PageProps<'/tag/[slug]/page/[page]'>) {
  await connection();
  const { slug, page } = await params;
  const number = parsePageNumber(page);
  if (number === null || number < 2) notFound();
  return <TagPage slug={slug} page={number} />;
}
