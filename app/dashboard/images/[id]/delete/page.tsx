import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { deleteImageAction } from '@/actions/images';
import adminStyles from '@/components/dashboard/dashboard-admin.module.css';
import styles from '@/components/dashboard/image-library.module.css';
import { ImageUses } from '@/components/dashboard/image-uses';
import formStyles from '@/components/ui/form.module.css';
import { getImageDeletePermission, getLibraryImage, isPictureUsed, listPictureUses } from '@/data/images';
import { viewerWithOrNotFound } from '@/data/viewer';
import { oneParam } from '@/lib/query-params';
import { imageIdSchema } from '@/lib/validation/images';

export const metadata: Metadata = { title: 'Delete picture' };

const REFUSALS: Record<string, string> = {
  'in-use': 'The picture was not deleted: it is in use. Remove it from the places below first.',
  forbidden: 'The picture was not deleted: contributors can delete only pictures they uploaded themselves. Ask an editor.',
  unconfirmed: 'Nothing was deleted. Tick the box to confirm.',
};

/**
 * Contributors, editors and admins: the confirmation before a picture leaves the library (a GET page, so it works
 * without JavaScript). While anything uses the picture it says where, and offers no button.
 */
export default async function DeleteImagePage({ params, searchParams }: PageProps<'/dashboard/images/[id]/delete'>) {
  await connection();
  const { id } = await params;
  const viewer = await viewerWithOrNotFound('article:write', `/dashboard/images/${encodeURIComponent(id)}/delete`);
  const imageId = imageIdSchema.safeParse(id);
  if (!imageId.success) notFound();
  const [image, uses, mayDelete] = await Promise.all([getLibraryImage(viewer, imageId.data), listPictureUses(viewer, imageId.data), getImageDeletePermission(viewer, imageId.data)]);
  if (!image || !uses) notFound();
  const refusal = REFUSALS[oneParam(await searchParams, 'refused') ?? ''];
  const used = isPictureUsed(uses);
  return (
    <>
      <p>
        <Link href={`/dashboard/images/${image.id}`}>← Image details</Link>
      </p>
      <h1>Delete this picture?</h1>
      {refusal && (
        <p className={formStyles.formError} role="alert">
          {refusal}
        </p>
      )}
      <img className={`${styles.preview} ${styles.small}`} src={image.src} width={image.width} height={image.height} alt={image.alt} />
      <p className={styles.meta}>
        {image.alt}
        {image.credit ? ` · ${image.credit}` : ''}
      </p>
      <section className={`${adminStyles.panel} ${adminStyles.danger}`} aria-labelledby="uses-title">
        <h2 id="uses-title">{used ? 'This picture is in use' : 'Where it is used'}</h2>
        {used && <p>It cannot be deleted while anything uses it. Choose another picture, or take it out of the text, in each of these first:</p>}
        <ImageUses uses={uses} titleId="uses-title" />
        {!used && mayDelete && (
          <form action={deleteImageAction} className={styles.deleteForm}>
            <input type="hidden" name="id" value={image.id} />
            <label className={styles.confirm}>
              <input type="checkbox" name="confirm" value="yes" required /> Yes, delete this picture and its file for good
            </label>
            <span className={styles.deleteActions}>
              <button type="submit" className={adminStyles.dangerButton}>
                Delete picture
              </button>
              <Link href={`/dashboard/images/${image.id}`}>Cancel</Link>
            </span>
          </form>
        )}
        {!used && !mayDelete && <p>Contributors can delete only the pictures they uploaded themselves. Ask an editor to delete this one.</p>}
      </section>
    </>
  );
}
