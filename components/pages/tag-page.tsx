import { notFound } from 'next/navigation';

import { ArticleList } from '@/components/article/article-list';
import { Pagination } from '@/components/article/pagination';
import { PageLinks } from '@/components/seo/page-links';
import { listTagArticles } from '@/data/lists';
import { getTag } from '@/data/taxonomy';

import styles from './list-page.module.css';

/** `/tag/{slug}` and `/tag/{slug}/page/{n}`. */
export async function TagPage({ slug, page }: { slug: string; page: number }) {
  const tag = await getTag(slug);
  if (!tag) notFound();
  const list = await listTagArticles(tag.id, tag.slug, page);
  if (page > list.pageCount) notFound();
  return (
    <div>
      <PageLinks basePath={`/tag/${tag.slug}`} page={page} pageCount={list.pageCount} />
      <header className={styles.header}>
        <p className={styles.kicker}>Topic</p>
        <h1>{tag.name}</h1>
        {tag.description && <p className={styles.description}>{tag.description}</p>}
      </header>
      <ArticleList cards={list.items} showSection />
      <Pagination basePath={`/tag/${tag.slug}`} page={page} pageCount={list.pageCount} />
    </div>
  );
}
