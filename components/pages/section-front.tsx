import { notFound } from 'next/navigation';

import { ArticleCard } from '@/components/article/article-card';
import { ArticleList } from '@/components/article/article-list';
import { Pagination } from '@/components/article/pagination';
import { PageLinks } from '@/components/seo/page-links';
import common from '@/components/ui/common.module.css';
import { listSectionArticles } from '@/data/lists';
import { getSection } from '@/data/taxonomy';

import listPage from './list-page.module.css';
import styles from './section-front.module.css';

/** `/{section}` and `/{section}/page/{n}`. */
export async function SectionFront({ slug, page }: { slug: string; page: number }) {
  const section = await getSection(slug);
  if (!section) notFound();
  const list = await listSectionArticles(section.id, section.slug, page);
  if (page > list.pageCount) notFound();
  return (
    <div>
      <PageLinks basePath={`/${section.slug}`} page={page} pageCount={list.pageCount} />
      <header className={listPage.header}>
        <h1>{section.name}</h1>
        {section.description && <p className={listPage.description}>{section.description}</p>}
      </header>
      {list.featured.length > 0 && (
        <section className={styles.featured} aria-labelledby="featured-title">
          <h2 id="featured-title" className={common.railTitle}>
            Featured
          </h2>
          <ol className={styles.list}>
            {list.featured.map((card, index) => (
              <li key={card.id}>
                <ArticleCard card={card} variant={index === 0 ? 'lead' : 'standard'} headingLevel={3} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {(list.items.length > 0 || list.featured.length === 0) && <ArticleList cards={list.items} />}
      <Pagination basePath={`/${section.slug}`} page={page} pageCount={list.pageCount} />
    </div>
  );
}
