/** The shapes pages receive from data/: small, purpose-made, never raw rows. Dates are ISO strings. */
import type { ArticleFormat } from './article-formats';
import type { ArticleNoteKind } from './editorial';

export type { ArticleFormat };

/** A picture as a page shows it: `srcSet` lists its width variants (null until they are made: `src` alone then). */
export type ImageRef = { src: string; srcSet: string | null; width: number; height: number; alt: string };

export type AuthorRef = { name: string; slug: string };

export type SectionRef = { name: string; slug: string };

export type TagRef = { name: string; slug: string };

export type ArticleCard = {
  id: number;
  slug: string;
  section: SectionRef;
  headline: string;
  dek: string;
  format: ArticleFormat;
  publishedAt: string;
  hero: ImageRef | null;
  authors: AuthorRef[];
};

export type ArticleDetail = ArticleCard & {
  bodyHtml: string;
  readingMinutes: number;
  /** Set when the story was changed after publication. */
  updatedAt: string | null;
  heroCaption: string;
  tags: TagRef[];
  authors: (AuthorRef & { jobTitle: string })[];
  seoTitle: string | null;
  seoDescription: string | null;
  /** More than a year old when it was read from the database. */
  isOld: boolean;
  /** Corrections, clarifications and updates, oldest first. */
  notes: ArticleNote[];
};

export type ArticleNote = { kind: ArticleNoteKind; body: string; notedAt: string };

/**
 * Where a previewed story really stands, said on the preview instead of the reader's "Published …" line: a draft
 * or a story in review has no publication time, a scheduled one has its future time, an expired one both.
 */
export type PreviewPublication =
  | { state: 'draft' | 'in_review' }
  | { state: 'scheduled' | 'published'; publishedAt: string }
  | { state: 'expired'; publishedAt: string; unpublishedAt: string };

/** A dashboard preview: the story as readers would see it, and its real publication state. */
export type PreviewArticle = ArticleDetail & { publication: PreviewPublication };

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

export type SectionDetail = { id: number; name: string; slug: string; description: string };

export type TagDetail = { id: number; name: string; slug: string; description: string };

export type AuthorDetail = {
  id: number;
  name: string;
  slug: string;
  jobTitle: string;
  bio: string;
  avatar: ImageRef | null;
};

export type RelatedStory = ArticleCard & { reason: string };

/** A section's page of stories: on page 1, the stories its editors feature come first. */
export type SectionPage = Page<ArticleCard> & { featured: ArticleCard[] };

/** The breaking-news banner: its words and, while its story is public, the story's address. */
export type BreakingNews = { headline: string; href: string | null };

export type FrontPage = {
  lead: ArticleCard | null;
  top: ArticleCard[];
  rails: { section: SectionRef; articles: ArticleCard[] }[];
  latest: ArticleCard[];
};
