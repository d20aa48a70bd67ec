import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { connection } from 'next/server';

import { ArticleView } from '@/components/article/article-view';
import { getPreviewArticle } from '@/data/article-preview';
import { viewerWithOrNotFound } from '@/data/viewer';
import { env } from '@/lib/env';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { idParam } from '@/lib/query-params';
import { absoluteUrl } from '@/lib/share';

import styles from './preview.module.css';

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

/** A draft or revision as readers would see it. Draft Mode must be on, and the viewer is checked here regardless. */
export default async function PreviewPage({ params, searchParams }: PageProps<'/dashboard/articles/[id]/preview'>) {
  await connection();
  const { id: idText } = await params;
  const revisionId = idParam(await searchParams, 'revision');
  const viewer = await viewerWithOrNotFound('article:write', `/dashboard/articles/${idText}/preview`);
  const id = idParam({ id: idText }, 'id');
  if (!id) notFound();
  if (!(await draftMode()).isEnabled) redirect(`/api/preview?article=${id}${revisionId ? `&revision=${revisionId}` : ''}`);
  let article;
  try {
    article = await getPreviewArticle(viewer, id, revisionId);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
  return (
    <>
      <p className={styles.banner} role="note">
        Preview{revisionId ? ' of an earlier revision' : ' of the latest saved text'}: readers cannot see this page. <Link href={`/dashboard/articles/${id}`}>Back to the editor</Link>
      </p>
      <ArticleView article={article} url={absoluteUrl(env().SITE_URL, `/${article.section.slug}/${article.slug}`)} threadQuery={null} publication={article.publication} />
    </>
  );
}
