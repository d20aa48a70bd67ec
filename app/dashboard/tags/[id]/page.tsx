import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { TagDeleteForm } from '@/components/dashboard/tag-delete-form';
import { TagEditForm } from '@/components/dashboard/tag-edit-form';
import { TagMergeForm } from '@/components/dashboard/tag-merge-form';
import { getDashboardTag, listTagChoices } from '@/data/tags';
import { requireCapability } from '@/data/viewer';
import { isValidSlug } from '@/lib/slug';
import { tagIdSchema } from '@/lib/validation/tags';

export const metadata: Metadata = { title: 'Edit tag' };

export default async function EditTagPage({ params, searchParams }: PageProps<'/dashboard/tags/[id]'>) {
  await connection();
  const { id } = await params;
  const viewer = await requireCapability('article:publish', `/dashboard/tags/${encodeURIComponent(id)}`);
  const parsed = tagIdSchema.safeParse({ id });
  if (!parsed.success) notFound();
  const [tag, choices, query] = await Promise.all([getDashboardTag(viewer, parsed.data.id), listTagChoices(viewer), searchParams]);
  if (!tag) notFound();
  const from = typeof query.from === 'string' && isValidSlug(query.from) ? query.from : null;
  const message = query.done === 'saved' ? 'Tag saved.' : query.done === 'merged' && from ? `Tag /tag/${from} merged into “${tag.name}”.` : null;
  return (
    <>
      <p>
        <Link href="/dashboard/tags">← Tags</Link>
      </p>
      <h1>{tag.name}</h1>
      {message && (
        <p className="form-success" role="status">
          {message}
        </p>
      )}
      <p>
        {tag.articleCount} {tag.articleCount === 1 ? 'article' : 'articles'} · <a href={`/tag/${tag.slug}`}>/tag/{tag.slug}</a>
      </p>
      <TagEditForm tag={tag} />
      <TagMergeForm tag={tag} choices={choices} />
      <TagDeleteForm tag={tag} />
    </>
  );
}
