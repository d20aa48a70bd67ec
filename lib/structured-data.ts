import type { ArticleDetail, ArticleFormat } from './dto';
import { absoluteUrl } from './share';

type JsonLd = Record<string, unknown>;

/** schema.org's NewsArticle subtypes, so search engines can tell an opinion piece from a report. */
const ARTICLE_TYPES: Record<ArticleFormat, string> = {
  news: 'NewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  explainer: 'BackgroundNewsArticle',
  review: 'ReviewNewsArticle',
  live: 'LiveBlogPosting',
};

export type Site = { url: string; name: string; logoPath: string };

export function publisherJsonLd(site: Site): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: absoluteUrl(site.url, '/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl(site.url, site.logoPath), width: 600, height: 60 },
  };
}

/** A NewsArticle (or its Opinion/Analysis/… subtype); corrections and clarifications become CorrectionComments. */
export function newsArticleJsonLd(article: ArticleDetail, site: Site): JsonLd {
  const corrections = article.notes.filter((note) => note.kind !== 'update');
  const url = absoluteUrl(site.url, `/${article.section.slug}/${article.slug}`);
  // The hero picture; without one, the publisher's logo (NewsArticle wants an image).
  const image = absoluteUrl(site.url, article.hero?.src ?? site.logoPath);
  return {
    '@context': 'https://schema.org',
    '@type': ARTICLE_TYPES[article.format],
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline.length > 110 ? `${article.headline.slice(0, 109)}…` : article.headline,
    description: article.seoDescription ?? article.dek,
    image: [image],
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: absoluteUrl(site.url, `/author/${author.slug}`) })),
    publisher: publisherJsonLd(site),
    articleSection: article.section.name,
    keywords: article.tags.map((tag) => tag.name),
    isAccessibleForFree: true,
    ...(corrections.length ? { correction: corrections.map((note) => ({ '@type': 'CorrectionComment', text: note.body, datePublished: note.notedAt })) } : {}),
  };
}

/** What a live blog's page knows of its coverage: when it ended (null while it runs) and the entries it shows. */
export type LiveCoverage = {
  closedAt: string | null;
  latestAt: string | null;
  entries: { id: number; summary: string; postedAt: string; updatedAt: string | null }[];
};

/**
 * A LiveBlogPosting: the article's fields, its coverage's start (publication) and end (closing; absent while it
 * runs), and the entries on the page as `liveBlogUpdate` BlogPostings, each addressed by its anchor.
 */
export function liveBlogJsonLd(article: ArticleDetail, live: LiveCoverage, site: Site): JsonLd {
  const base = newsArticleJsonLd(article, site);
  const url = absoluteUrl(site.url, `/${article.section.slug}/${article.slug}`);
  const modified = [article.updatedAt ?? article.publishedAt, live.latestAt].filter((t): t is string => t !== null).sort().at(-1);
  return {
    ...base,
    '@type': 'LiveBlogPosting',
    dateModified: modified,
    coverageStartTime: article.publishedAt,
    ...(live.closedAt ? { coverageEndTime: live.closedAt } : {}),
    liveBlogUpdate: live.entries.map((entry) => ({
      '@type': 'BlogPosting',
      headline: entry.summary.length > 110 ? `${entry.summary.slice(0, 109)}…` : entry.summary,
      url: `${url}#entry-${entry.id}`,
      datePublished: entry.postedAt,
      ...(entry.updatedAt ? { dateModified: entry.updatedAt } : {}),
    })),
  };
}

/** Matches the visible breadcrumb: Home > Section (> the story itself, as the last item). */
export function breadcrumbJsonLd(site: Site, items: { name: string; path: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, item: absoluteUrl(site.url, item.path) })),
  };
}

export function websiteJsonLd(site: Site): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    url: absoluteUrl(site.url, '/'),
    publisher: publisherJsonLd(site),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(site.url, '/search')}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/**
 * JSON for a <script type="application/ld+json">: `<`, `>` and `&` become \u escapes so that no content
 * ("</script>", "<!--") can end the script element early; U+2028/2029 are escaped for old parsers.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
