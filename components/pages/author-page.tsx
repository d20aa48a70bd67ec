import { notFound } from 'next/navigation';

import { ArticleList } from '@/components/article/article-list';
import { Pagination } from '@/components/article/pagination';
import { PageLinks } from '@/components/seo/page-links';
import common from '@/components/ui/common.module.css';
import { Picture } from '@/components/ui/picture';
import { listAuthorArticles } from '@/data/lists';
import { getAuthor } from '@/data/taxonomy';

import styles from './list-page.module.css';

/** `/author/{slug}` and `/author/{slug}/page/{n}`: the profile, then the author's stories. */
export async function AuthorPage({ slug, page }: { slug: string; page: number }) {
  const author = await getAuthor(slug);
  if (!author) notFound();
  const list = await listAuthorArticles(author.id, page);
  if (page > list.pageCount) notFound();
  return (
    <div>
      <PageLinks basePath={`/author/${author.slug}`} page={page} pageCount={list.pageCount} />
      <header className={`${styles.header} ${styles.profile}`}>
        {author.avatar && (
          <Picture className={styles.avatar} image={author.avatar} place="portrait" />
        )}
        <div>
          <h1>{author.name}</h1>
          {author.jobTitle && <p className={styles.jobTitle}>{author.jobTitle}</p>}
          {author.bio && <p className={styles.bio}>{author.bio}</p>}
        </div>
      </header>
      <h2 className={common.railTitle}>Stories by {author.name}</h2>
      <ArticleList cards={list.items} showSection />
      <Pagination basePath={`/author/${author.slug}`} page={page} pageCount={list.pageCount} />
    </div>
  );
}
