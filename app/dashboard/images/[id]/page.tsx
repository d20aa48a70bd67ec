import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { DateTime } from '@/components/ui/date-time';
import { ImageDetailsForm } from '@/components/dashboard/image-details-form';
import styles from '@/components/dashboard/image-library.module.css';
import { ImageUses } from '@/components/dashboard/image-uses';
import { getLibraryImage, isPictureUsed, listPictureUses } from '@/data/images';
import { viewerWithOrNotFound } from '@/data/viewer';
import { formatBytes } from '@/lib/images';
import { imageIdSchema } from '@/lib/validation/images';

export const metadata: Metadata = { title: 'Image details' };

/** Contributors, editors and admins: one library image, its alt text and credit. */
export default async function ImagePage({ params }: PageProps<'/dashboard/images/[id]'>) {
  await connection();
  const { id } = await params;
  const viewer = await viewerWithOrNotFound('article:write', `/dashboard/images/${encodeURIComponent(id)}`);
  const imageId = imageIdSchema.safeParse(id);
  if (!imageId.success) notFound();
  const [image, uses] = await Promise.all([getLibraryImage(viewer, imageId.data), listPictureUses(viewer, imageId.data)]);
  if (!image || !uses) notFound();
  return (
    <>
      <p>
        <Link href="/dashboard/images">← Image library</Link>
      </p>
      <h1>Image details</h1>
      <img className={styles.preview} src={image.src} width={image.width} height={image.height} alt={image.alt} />
      <p className={styles.meta}>
        {image.width} × {image.height} pixels · {formatBytes(image.byteSize)} · uploaded <DateTime iso={image.createdAt} />
        {image.uploaderName ? ` by ${image.uploaderName}` : ''} · <a href={image.src}>Open the file</a>
      </p>
      <ImageDetailsForm id={image.id} alt={image.alt} credit={image.credit} />
      <section aria-labelledby="uses-title">
        <h2 id="uses-title">Where it is used</h2>
        <ImageUses uses={uses} titleId="uses-title" />
        <p>
          <Link href={`/dashboard/images/${image.id}/delete`}>{isPictureUsed(uses) ? 'Delete this picture (why it cannot be deleted yet)' : 'Delete this picture…'}</Link>
        </p>
      </section>
    </>
  );
}
