import type { Metadata } from 'next';

import type { ArticleDetail } from './dto';
import { env } from './env';
import { absoluteUrl } from './share';
import { feedPathFor } from './site-feed';

export const LOGO_PATH = '/logo.png';

export function site() {
  const { SITE_URL, SITE_NAME } = env();
  return { url: SITE_URL, name: SITE_NAME, logoPath: LOGO_PATH };
}

/** Metadata of a list page (front, section, tag, author), page `page` of it. */
export function listingMetadata(options: { title: string; description: string; path: string; page?: number; feedTitle?: string }): Metadata {
  const page = options.page ?? 1;
  const path = page > 1 ? `${options.path === '/' ? '' : options.path}/page/${page}` : options.path;
  const title = page > 1 ? `${options.title}, page ${page}` : options.title;
  const description = page > 1 ? `${options.description} Page ${page}.` : options.description;
  return {
    title,
    description,
    alternates: {
      canonical: path,
      types: { 'application/rss+xml': [{ url: feedPathFor(options.path), title: options.feedTitle ?? `${options.title} | ${site().name}` }] },
    },
    openGraph: { type: 'website', url: path, title, description, siteName: site().name, locale: 'en_GB' },
    twitter: { card: 'summary', title, description },
  };
}

/** Metadata of an article page: canonical URL, Open Graph article tags, Twitter card. */
export function articleMetadata(article: ArticleDetail): Metadata {
  const path = `/${article.section.slug}/${article.slug}`;
  const title = article.seoTitle ?? article.headline;
  const description = article.seoDescription ?? article.dek;
  return {
    title,
    description,
    alternates: { canonical: path },
    authors: article.authors.map((author) => ({ name: author.name, url: `/author/${author.slug}` })),
    openGraph: {
      type: 'article',
      url: path,
      title,
      description,
      siteName: site().name,
      locale: 'en_GB',
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt ?? article.publishedAt,
      section: article.section.name,
      tags: article.tags.map((tag) => tag.name),
      authors: article.authors.map((author) => absoluteUrl(site().url, `/author/${author.slug}`)),
    },
    twitter: { card: 'summary_large_image', title, description },
  };
}
