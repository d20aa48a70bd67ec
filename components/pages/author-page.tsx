import { notFound } from 'next/navigation';

import { ArticleList } from '@/components/article/article-list';
import { Pagination } from '@/components/article/pagination';
import { PageLinks } from '@/components/seo/page-links';
import { listAuthorArticles } from '@/data/lists';
import { getAuthor } from '@/data/taxonomy';

/** `/author/{slug}` and `/author/{slug}/page/{n}`: the profile, then the author's stories. */
export async function AuthorPage({ slug, page }: { slug: string; page: number }) {
  const author = await getAuthor(slug);
  if (!author) notFound();
  const list = await listAuthorArticles(author.id, page);
  if (page > list.pageCount) notFound();
  return (
    <div className="list-page">
      <PageLinks basePath={`/author/${author.slug}`} page={page} pageCount={list.pageCount} />
      <header className="list-page__header author-profile">
        {author.avatar && (
          <img className="author-profile__avatar" src={author.avatar.src} width={author.avatar.width} height={author.avatar.height} alt={author.avatar.alt} />
        )}
        <div>
          <h1>{author.name}</h1>
          {author.jobTitle && <p className="author-profile__title">{author.jobTitle}</p>}
          {author.bio && <p className="author-profile__bio">{author.bio}</p>}
        </div>
      </header>
      <h2 className="rail-title">Stories by {author.name}</h2>
      <ArticleList cards={list.items} showSection />
      <Pagination basePath={`/author/${author.slug}`} page={page} pageCount={list.pageCount} />
    </div>
  );
}
