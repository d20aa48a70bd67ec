import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { AuthorPage } from '@/components/pages/author-page';
import { getAuthor } from '@/data/taxonomy';
import { listingMetadata } from '@/lib/metadata';
import { parsePageNumber } from '@/lib/page-number';

export async function generateMetadata({ params }: PageProps<'/author/[slug]/page/[page]'>): Promise<Metadata> {
  await connection();
  const { slug, page } = await params;
  const author = await getAuthor(slug);
  const number = parsePageNumber(page);
  if (!author || !number) return {};
  return listingMetadata({ title: author.name, description: author.bio || `Stories by ${author.name}.`, path: `/author/${author.slug}`, page: number });
}

export default async function Page({ params }: PageProps<'/author/[slug]/page/[page]'>) {
  await connection();
  const { slug, page } = await params;
  const number = parsePageNumber(page);
  if (number === null || number < 2) notFound();
  return <AuthorPage slug={slug} page={number} />;
}
