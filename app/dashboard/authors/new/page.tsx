import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

import { AuthorForm } from '@/components/dashboard/author-form';
import { listLinkableUsers } from '@/data/authors';
import { listImageChoices } from '@/data/images';
import { viewerWithOrNotFound } from '@/data/viewer';

export const metadata: Metadata = { title: 'New author profile' };

/** Editors and admins: adds an author profile. */
export default async function NewAuthorPage() {
  await connection();
  const viewer = await viewerWithOrNotFound('article:publish', '/dashboard/authors/new');
  const [imageChoices, userChoices] = await Promise.all([listImageChoices(viewer), listLinkableUsers(viewer)]);
  return (
    <>
      <p>
        <Link href="/dashboard/authors">← Authors</Link>
      </p>
      <h1>New author profile</h1>
      <AuthorForm author={{ name: '', slug: '', jobTitle: '', bio: '', avatarImageId: '', userId: '' }} imageChoices={imageChoices} userChoices={userChoices} />
    </>
  );
}
