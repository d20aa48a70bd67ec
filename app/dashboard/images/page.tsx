import type { Metadata } from 'next';
import { connection } from 'next/server';

import { ImageLibrary } from '@/components/dashboard/image-library';
import { ImageUploadForm } from '@/components/dashboard/image-upload-form';
import formStyles from '@/components/ui/form.module.css';
import { listImages } from '@/data/images';
import { viewerWithOrNotFound } from '@/data/viewer';
import { imageLibraryParamsSchema, readUploadFeedback } from '@/lib/validation/images';

export const metadata: Metadata = { title: 'Images' };

/** Contributors, editors and admins: upload pictures and browse the library. */
export default async function ImagesPage({ searchParams }: PageProps<'/dashboard/images'>) {
  await connection();
  const viewer = await viewerWithOrNotFound('article:write', '/dashboard/images');
  const params = await searchParams;
  const { q, page } = imageLibraryParamsSchema.parse(params);
  const feedback = readUploadFeedback(params);
  const library = await listImages(viewer, { q, page });
  const updated = typeof params.updated === 'string' && /^\d+$/.test(params.updated);
  const notice = typeof params.notice === 'string' ? params.notice : '';
  return (
    <>
      <h1>Images</h1>
      {feedback.uploadedId !== null && (
        <p className={formStyles.formSuccess} role="status">
          The image was uploaded and is first in the library.
        </p>
      )}
      {updated && (
        <p className={formStyles.formSuccess} role="status">
          The image’s details were saved.
        </p>
      )}
      {notice === 'deleted' && (
        <p className={formStyles.formSuccess} role="status">
          The picture was deleted from the library.
        </p>
      )}
      {notice === 'gone' && (
        <p className={formStyles.formError} role="status">
          That picture is no longer in the library.
        </p>
      )}
      <ImageUploadForm feedback={feedback} />
      <ImageLibrary items={library.items} page={library.page} pageCount={library.pageCount} total={library.total} q={q} />
    </>
  );
}
