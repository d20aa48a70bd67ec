import Link from 'next/link';

import { CommentCount } from '@/components/comments/comment-count';
import { DateTime } from '@/components/ui/date-time';
import type { ArticleCard as Card } from '@/lib/dto';
import { FORMAT_LABELS } from '@/lib/format';

import { Byline } from './byline';
import styles from './card.module.css';

export function articleHref(card: Pick<Card, 'slug' | 'section'>): string {
  return `/${card.section.slug}/${card.slug}`;
}

type Variant = 'lead' | 'standard' | 'compact';

/** One story in a list. The headline is the link; the picture is decorative next to it (alt="" on purpose). */
export function ArticleCard({ card, variant = 'standard', headingLevel = 3, showSection = false, reason }: { card: Card; variant?: Variant; headingLevel?: 2 | 3 | 4; showSection?: boolean; reason?: string }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`${styles.card} ${styles[variant] ?? ''}`}>
      {card.hero && variant !== 'compact' && (
        <img
          className={styles.image}
          src={card.hero.src}
          width={card.hero.width}
          height={card.hero.height}
          alt=""
          loading={variant === 'lead' ? 'eager' : 'lazy'}
          decoding="async"
        />
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
