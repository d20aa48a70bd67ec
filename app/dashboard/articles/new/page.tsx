import type { Metadata } from 'next';
import { connection } from 'next/server';

import { ArticleEditorForm } from '@/components/dashboard/article-editor-form';
import { getEditorOptions } from '@/data/article-desk';
import { requireCapability } from '@/data/viewer';

export const metadata: Metadata = { title: 'New story' };

export default async function NewArticlePage() {
  await connection();
  const viewer = await requireCapability('article:write', '/dashboard/articles/new');
  const options = await getEditorOptions(viewer);
  return (
    <>
      <h1>New story</h1>
      <p className="field__hint">It starts as a draft that only the newsroom can see.</p>
      <ArticleEditorForm articleId={null} version={1} snapshot={null} relatedSlugs={[]} options={options} />
    </>
  );
}
