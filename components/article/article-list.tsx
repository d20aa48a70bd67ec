import common from '@/components/ui/common.module.css';
import type { ArticleCard as Card } from '@/lib/dto';

import { ArticleCard } from './article-card';
import styles from './card.module.css';

export function ArticleList({ cards, showSection = false }: { cards: Card[]; showSection?: boolean }) {
  if (cards.length === 0) return <p className={common.empty}>No stories here yet.</p>;
  return (
    <ol className={styles.list}>
      {cards.map((card) => (
        <li key={card.id}>
          <ArticleCard card={card} headingLevel={2} showSection={showSection} inList />
        </li>
      ))}
    </ol>
  );
}
