/**
 * The only place cache-tag strings are built (ARCHITECTURE.md §5). Ids, not slugs, wherever a slug can change.
 */
export const cacheTags = {
  /** Every list of published articles: fronts, section/tag/author lists, related stories, feeds. */
  articles: () => 'articles',
  article: (id: number) => `article:${id}`,
  section: (slug: string) => `section:${slug}`,
  /** The list of sections itself (navigation, front-page rails). */
  sections: () => 'sections',
  tag: (slug: string) => `tag:${slug}`,
  author: (id: number) => `author:${id}`,
  comments: (articleId: number) => `comments:${articleId}`,
  /** The editors' arrangement of the front page (its pinned lead and top stories). */
  frontPage: () => 'front-page',
  /** The "Most read" rail (refreshed by its lifetime; the tag lets a test or an operator refresh it at once). */
  mostRead: () => 'most-read',
  /** The breaking-news banner, which every public page shows. */
  breaking: () => 'breaking',
} as const;
