import { preload } from 'react-dom';

import type { ImageRef } from '@/lib/dto';
import { PICTURE_SIZES, type PicturePlace } from '@/lib/image-variants';

/**
 * Every library picture on a public page (docs/adr/0029): the original as `src`, its width variants as `srcset` with
 * the `sizes` of the place it stands in, and its real width and height so nothing shifts while it loads.
 *
 * `priority` is for the one picture that is the page's largest paint (a story's hero, the front page's lead): it is
 * preloaded from the head with high fetch priority (React's preload(), the same srcset and sizes so the browser
 * fetches the same variant once) and loaded eagerly. Every other picture is lazy and decoded off the main thread.
 */
export function Picture({
  image,
  place,
  alt = image.alt,
  className,
  priority = false,
}: {
  image: ImageRef;
  place: PicturePlace;
  /** Defaults to the picture's alt text; "" for a decorative picture beside its own headline. */
  alt?: string;
  className?: string;
  priority?: boolean;
}) {
  const sizes = image.srcSet ? PICTURE_SIZES[place] : undefined;
  if (priority) preload(image.src, { as: 'image', fetchPriority: 'high', imageSrcSet: image.srcSet ?? undefined, imageSizes: sizes });
  return (
    <img
      className={className}
      src={image.src}
      srcSet={image.srcSet ?? undefined}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={alt}
      {...(priority ? { fetchPriority: 'high' as const } : { loading: 'lazy' as const, decoding: 'async' as const })}
    />
  );
}
