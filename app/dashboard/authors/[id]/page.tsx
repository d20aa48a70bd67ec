import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { AuthorForm } from '@/components/dashboard/author-form';
import { getDashboardAuthor, listLinkableUsers } from '@/data/authors';
import { listImageChoices } from '@/data/images';
import { viewerWithOrNotFound } from '@/data/viewer';
import { authorIdSchema } from '@/lib/validation/authors';

export const metadata: Metadata = { title: 'Edit author profile' };

/** Editors and admins: edits one author profile. */
export default async function EditAuthorPage({ params }: PageProps<'/dashboard/authors/[id]'>) {
  await connection();
  const { id } = await params;
  const viewer = await viewerWithOrNotFound('article:publish', `/dashboard/authors/${encodeURIComponent(id)}`);
  const authorId = authorIdSchema.safeParse(id);
  if (!authorId.success) notFound();
  const author = await getDashboardAuthor(viewer, authorId.data);
  if (!author) notFound();
  const [choices, userChoices] = await Promise.all([listImageChoices(viewer, { current: author.avatar?.id }), listLinkableUsers(viewer)]);
  return (
    <>
      <p>
        <Link href="/dashboard/authors">← Authors</Link>
      </p>
      <h1>{author.name}</h1>
      <p>
        {author.articleCount === 1 ? '1 story carries' : `${author.articleCount} stories carry`} this byline (drafts included).{' '}
        <a href={`/author/${author.slug}`}>View the public page</a>
      </p>
      <AuthorForm
        author={{ id: author.id, name: author.name, slug: author.slug, jobTitle: author.jobTitle, bio: author.bio, avatarImageId: author.avatar ? String(author.avatar.id) : '', userId: author.user?.id ?? '' }}
        imageChoices={choices}
        userChoices={userChoices}
      />
    </>
  );
}
