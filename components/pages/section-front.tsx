import { notFound } from 'next/navigation';

import { ArticleList } from '@/components/article/article-list';
import { Pagination } from '@/components/article/pagination';
import { PageLinks } from '@/components/seo/page-links';
import { listSectionArticles } from '@/data/lists';
import { getSection } from '@/data/taxonomy';

/** `/{section}` and `/{section}/page/{n}`. */
export async function SectionFront({ slug, page }: { slug: string; page: number }) {
  const section = await getSection(slug);
  if (!section) notFound();
  const list = await listSectionArticles(section.id, section.slug, page);
  if (page > list.pageCount) notFound();
  return (
    <div className="list-page">
      <PageLinks basePath={`/${section.slug}`} page={page} pageCount={list.pageCount} />
      <header className="list-page__header">
        <h1>{section.name}</h1>
        {section.description && <p className="list-page__description">{section.description}</p>}
      </header>
      <ArticleList cards={list.items} />
      <Pagination basePath={`/${section.slug}`} page={page} pageCount={list.pageCount} />
    </div>
  );
}
