import { Link } from '@/components/ui/link';
import { Fragment } from 'react';

import type { AuthorRef } from '@/lib/dto';

import styles from './card.module.css';

/** "By A, B and C", each name linking to its author page. */
export function Byline({ authors, linked = true }: { authors: AuthorRef[]; linked?: boolean }) {
  if (authors.length === 0) return null;
  return (
    <span className={styles.byline}>
      By{' '}
      {authors.map((author, index) => (
        <Fragment key={author.slug}>
          {index > 0 && (index === authors.length - 1 ? ' and ' : ', ')}
          {linked ? (
            <Link href={`/author/${author.slug}`} rel="author">
              {author.name}
            </Link>
          ) : (
            author.name
          )}
        </Fragment>
      ))}
    </span>
  );
}
