import type { Metadata } from 'next';
import { connection } from 'next/server';
import { notFound } from 'next/navigation';

import { AuthorPage } from '@/components/pages/author-page';
import { getAuthor } from '@/data/taxonomy';
import { parsePageNumber } from '@/lib/page-number';

export async function generateMetadata({ params }: PageProps<'/author/[slug]/page/[page]'>): Promise<Metadata> {
  await connection();
  const { slug, page } = await params;
  const author = await getAuthor(slug);
  return author ? { title: `${author.name}, page ${page}` } : {};
}

export default async function Page({ params }: PageProps<'/author/[slug]/page/[page]'>) {
  await connection();
  const { slug, page } = await params;
  const number = parsePageNumber(page);
  if (number === null || number < 2) notFound();
  return <AuthorPage slug={slug} page={number} />;
}
