import type { Metadata } from 'next';
import { connection } from 'next/server';
import { notFound, permanentRedirect } from 'next/navigation';

import { ArticleView } from '@/components/article/article-view';
import { getArticleRedirect, getPublicArticle } from '@/data/articles';
import { getLiveBlogPage } from '@/data/live-entries';
import { parseThreadQuery } from '@/lib/comment-order';
import { env } from '@/lib/env';
import { parseLivePage } from '@/lib/live-blog';
import { articleMetadata } from '@/lib/metadata';
import { absoluteUrl } from '@/lib/share';

export async function generateMetadata({ params }: PageProps<'/[section]/[slug]'>): Promise<Metadata> {
  await connection();
  const article = await getPublicArticle((await params).slug);
  return article ? articleMetadata(article) : {};
}

export default async function ArticlePage({ params, searchParams }: PageProps<'/[section]/[slug]'>) {
  await connection();
  const { section, slug } = await params;
  const article = await getPublicArticle(slug);
  if (!article) {
    const moved = await getArticleRedirect(slug);
    if (moved) permanentRedirect(`/${moved.sectionSlug}/${moved.slug}`);
    notFound();
  }
  // The story moved section, or the link names the wrong one: one canonical address.
  if (article.section.slug !== section) permanentRedirect(`/${article.section.slug}/${article.slug}`);
  const path = `/${article.section.slug}/${article.slug}`;
  const query = await searchParams;
  const livePage = parseLivePage(query);
  const live = article.format === 'live' ? await getLiveBlogPage(article.id, livePage) : null;
  // A page of entries past the last (or entries asked of a story that is not a live blog) is no page.
  if (livePage > 1 && !live) notFound();
  return <ArticleView article={article} url={absoluteUrl(env().SITE_URL, path)} threadQuery={parseThreadQuery(query)} live={live} />;
}
