import type { Metadata } from 'next';
import { connection } from 'next/server';

import { AuthorPage } from '@/components/pages/author-page';
import { getAuthor } from '@/data/taxonomy';

export async function generateMetadata({ params }: PageProps<'/author/[slug]'>): Promise<Metadata> {
  await connection();
  const author = await getAuthor((await params).slug);
  return author ? { title: author.name, description: author.bio || undefined } : {};
}

export default async function Page({ params }: PageProps<'/author/[slug]'>) {
  await connection();
  return <AuthorPage slug={(await params).slug} page={1} />;
}
