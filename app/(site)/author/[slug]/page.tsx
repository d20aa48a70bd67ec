import type { Metadata } from 'next';
import { connection } from 'next/server';

import { AuthorPage } from '@/components/pages/author-page';
import { getAuthor } from '@/data/taxonomy';
import { listingMetadata } from '@/lib/metadata';

export async function generateMetadata({ params }: PageProps<'/author/[slug]'>): Promise<Metadata> {
  await connection();
  const author = await getAuthor((await params).slug);
  if (!author) return {};
  return listingMetadata({ title: author.name, description: author.bio || `Stories by ${author.name}.`, path: `/author/${author.slug}` });
}

export default async function Page({ params }: PageProps<'/author/[slug]'>) {
  await connection();
  return <AuthorPage slug={(await params).slug} page={1} />;
}
