import type { Metadata } from 'next';
import { connection } from 'next/server';

import { ArticleEditorForm } from '@/components/dashboard/article-editor-form';
import { PictureUploadForm } from '@/components/dashboard/picture-picker';
import formStyles from '@/components/ui/form.module.css';
import { getEditorOptions } from '@/data/editable-article';
import { getPicturePicker } from '@/data/images';
import { viewerWithOrNotFound } from '@/data/viewer';
import { pickerParams } from '@/lib/picture-picker';
import { readUploadFeedback } from '@/lib/validation/images';

export const metadata: Metadata = { title: 'New story' };

export default async function NewArticlePage({ searchParams }: PageProps<'/dashboard/articles/new'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('article:write', '/dashboard/articles/new');
  const query = await searchParams;
  const upload = readUploadFeedback(query);
  const [options, pictures] = await Promise.all([
    getEditorOptions(viewer),
    getPicturePicker(viewer, { ...pickerParams(query), chosenId: upload.uploadedId, justUploaded: upload.uploadedId !== null }),
  ]);
  return (
    <>
      <h1>New story</h1>
      <p className={formStyles.hint}>It starts as a draft that only the newsroom can see.</p>
      <ArticleEditorForm articleId={null} version={1} snapshot={null} relatedSlugs={[]} options={options} pictures={pictures} upload={upload} />
      <PictureUploadForm articleId={null} />
    </>
  );
}
