import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { deleteTagAction, mergeTagsAction } from '@/actions/tags';
import { ConfirmDialog, ConfirmForm } from '@/components/dashboard/confirm';
import { TagDeleteForm } from '@/components/dashboard/tag-delete-form';
import { TagEditForm } from '@/components/dashboard/tag-edit-form';
import { TagMergeForm } from '@/components/dashboard/tag-merge-form';
import formStyles from '@/components/ui/form.module.css';
import { getDashboardTag, listTagChoices } from '@/data/tags';
import { viewerWithOrNotFound } from '@/data/viewer';
import { oneParam } from '@/lib/query-params';
import { isValidSlug } from '@/lib/slug';
import { tagIdSchema } from '@/lib/validation/tags';

export const metadata: Metadata = { title: 'Edit tag' };

export default async function EditTagPage({ params, searchParams }: PageProps<'/dashboard/tags/[id]'>) {
  await connection();
  const { id } = await params;
  const viewer = await viewerWithOrNotFound('article:publish', `/dashboard/tags/${encodeURIComponent(id)}`);
  const parsed = tagIdSchema.safeParse({ id });
  if (!parsed.success) notFound();
  const [tag, choices, query] = await Promise.all([getDashboardTag(viewer, parsed.data.id), listTagChoices(viewer), searchParams]);
  if (!tag) notFound();
  const from = typeof query.from === 'string' && isValidSlug(query.from) ? query.from : null;
  const confirm = oneParam(query, 'confirm');
  const into = oneParam(query, 'into');
  const target = confirm === 'merge' ? choices.find((choice) => String(choice.id) === into && choice.id !== tag.id) : undefined;
  const mergeError = confirm === 'merge' && !target ? 'Choose the tag to merge into.' : undefined;
  const cancelHref = `/dashboard/tags/${tag.id}`;
  const message = query.done === 'saved' ? 'Tag saved.' : query.done === 'merged' && from ? `Tag /tag/${from} merged into “${tag.name}”.` : null;
  return (
    <>
      <p>
        <Link href="/dashboard/tags">← Tags</Link>
      </p>
      <h1>{tag.name}</h1>
      {message && (
        <p className={formStyles.formSuccess} role="status">
          {message}
        </p>
      )}
      {target && (
        <ConfirmDialog title={`Merge “${tag.name}” into “${target.name}”?`} cancelHref={cancelHref}>
          <p>
            The {tag.articleCount} {tag.articleCount === 1 ? 'article' : 'articles'} tagged “{tag.name}” are tagged “{target.name}” instead, and “{tag.name}” is deleted. /tag/{tag.slug} then
            redirects permanently (308) to /tag/{target.slug}. This cannot be undone.
          </p>
          <ConfirmForm action={mergeTagsAction} fields={{ sourceId: String(tag.id), targetId: String(target.id) }} confirmLabel="Yes, merge the tags" cancelHref={cancelHref} />
        </ConfirmDialog>
      )}
      {confirm === 'delete' && (
        <ConfirmDialog title={`Delete the tag “${tag.name}”?`} cancelHref={cancelHref}>
          <p>
            {tag.articleCount === 0 ? 'No article uses it.' : `${tag.articleCount} ${tag.articleCount === 1 ? 'article loses' : 'articles lose'} the tag; the articles themselves stay.`} Its page
            /tag/{tag.slug} answers “Page not found” (404). This cannot be undone.
          </p>
          <ConfirmForm action={deleteTagAction} fields={{ id: String(tag.id) }} confirmLabel="Yes, delete the tag" cancelHref={cancelHref} />
        </ConfirmDialog>
      )}
      <p>
        {tag.articleCount} {tag.articleCount === 1 ? 'article' : 'articles'} · <a href={`/tag/${tag.slug}`}>/tag/{tag.slug}</a>
      </p>
      <TagEditForm tag={tag} />
      <TagMergeForm tag={tag} choices={choices} into={into} error={mergeError} />
      <TagDeleteForm tag={tag} />
    </>
  );
}
