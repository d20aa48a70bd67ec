import { PIXEL_PATH } from '@/lib/view-beacon-paths';

import styles from './most-read.module.css';

/**
 * Marks the page as a reader's view of the story (docs/adr/0027): the page's script (components/page-script) sends
 * the beacon once the page is really in front of the reader. The page stays the same cached bytes for everyone.
 * Without JavaScript, the <noscript> pixel counts the view instead.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  return (
    <span data-view-beacon={articleId} hidden>
      <noscript>
        <img src={`${PIXEL_PATH}?id=${articleId}`} alt="" width={1} height={1} className={styles.pixel} />
      </noscript>
    </span>
  );
}
