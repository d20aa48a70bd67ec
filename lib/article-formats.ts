/** The kinds of story the site publishes; the database enum is built from this list. */
export const ARTICLE_FORMATS = ['news', 'analysis', 'opinion', 'explainer', 'review', 'live'] as const;

export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];
