import { Link } from '@/components/ui/link';

import { CommentCount } from '@/components/comments/comment-count';
import { DateTime } from '@/components/ui/date-time';
import { Picture } from '@/components/ui/picture';
import type { ArticleCard as Card } from '@/lib/dto';
import { FORMAT_LABELS } from '@/lib/format';

import { Byline } from './byline';
import styles from './card.module.css';

export function articleHref(card: Pick<Card, 'slug' | 'section'>): string {
  return `/${card.section.slug}/${card.slug}`;
}

type Variant = 'lead' | 'standard' | 'compact';

/**
 * One story in a list. The headline is the link; the picture is decorative next to it (alt="" on purpose). A lead's
 * picture is the page's largest paint, so it is preloaded; `inList`: in an ArticleList, where the picture is 16rem.
 */
export function ArticleCard({
  card,
  variant = 'standard',
  headingLevel = 3,
  showSection = false,
  reason,
  inList = false,
}: {
  card: Card;
  variant?: Variant;
  headingLevel?: 2 | 3 | 4;
  showSection?: boolean;
  reason?: string;
  inList?: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`${styles.card} ${styles[variant] ?? ''}`}>
      {card.hero && variant !== 'compact' && (
        <Picture className={styles.image} image={card.hero} alt="" place={variant === 'lead' ? 'lead' : inList ? 'listCard' : 'card'} priority={variant === 'lead'} />
      )}
      <div className={styles.text}>
        {reason && <p className={styles.reason}>{reason}</p>}
        {(showSection || card.format !== 'news') && (
          <p className={styles.kicker}>
            {showSection && <span>{card.section.name}</span>}
            {card.format !== 'news' && <span className={`${styles.format} ${styles[card.format]}`}>{FORMAT_LABELS[card.format]}</span>}
          </p>
        )}
        <Heading className={styles.headline}>
          <Link href={articleHref(card)}>{card.headline}</Link>
        </Heading>
        {variant !== 'compact' && card.dek && <p className={styles.dek}>{card.dek}</p>}
        <p className={styles.meta}>
          <Byline authors={card.authors} linked={false} />
          <DateTime iso={card.publishedAt} short />
          <CommentCount articleId={card.id} href={articleHref(card)} />
        </p>
      </div>
    </article>
  );
}
