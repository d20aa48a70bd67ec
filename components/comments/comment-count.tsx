import { Link } from '@/components/ui/link';

import { getCommentCount } from '@/data/comments';

import styles from './comments.module.css';

/** "12 comments" on an article card, linking to the discussion; nothing when there is none yet. Cached per story. */
export async function CommentCount({ articleId, href }: { articleId: number; href: string }) {
  const count = await getCommentCount(articleId);
  if (count === 0) return null;
  return (
    <Link className={styles.cardCount} href={`${href}#comments`}>
      {count.toLocaleString('en-GB')} {count === 1 ? 'comment' : 'comments'}
    </Link>
  );
}
