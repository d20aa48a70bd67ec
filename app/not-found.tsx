import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';

import { PublicFrame } from '@/components/layout/public-frame';

import styles from './notice-page.module.css';

// The root layout's template makes it "Page not found | <site name>".
export const metadata: Metadata = { title: 'Page not found' };

/** The 404 page of the whole site: rendered under the root layout only, so it brings the reader's frame itself. */
export default function NotFound() {
  return (
    <PublicFrame area="not-found">
      <div className={styles.notice}>
        <h1>Page not found</h1>
        <p>We could not find that page. The story may have moved, or the address may be mistyped.</p>
        <p>
          <Link href="/">Go to the front page</Link>
        </p>
      </div>
    </PublicFrame>
  );
}
