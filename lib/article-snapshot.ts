import type { ArticleFormat } from './article-formats';

/**
 * Everything an editor can change about a story's text and placement, as saved in each revision. Tags are kept by
 * name (a merged or renamed tag must not break an old revision), everything else by id.
 */
export type ArticleSnapshot = {
  headline: string;
  dek: string;
  body: string;
  slug: string;
  sectionId: number;
  format: ArticleFormat;
  tagNames: string[];
  authorIds: number[];
  heroImageId: number | null;
  heroAlt: string;
  heroCaption: string;
  seoTitle: string;
  seoDescription: string;
  relatedIds: number[];
};

export const SNAPSHOT_FIELD_LABELS: Record<keyof ArticleSnapshot, string> = {
  headline: 'Headline',
  dek: 'Standfirst',
  body: 'Body',
  slug: 'Slug',
  sectionId: 'Section',
  format: 'Format',
  tagNames: 'Tags',
  authorIds: 'Authors',
  heroImageId: 'Hero image',
  heroAlt: 'Hero alt text',
  heroCaption: 'Hero caption',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  relatedIds: 'Related stories',
};

const FIELDS = Object.keys(SNAPSHOT_FIELD_LABELS) as (keyof ArticleSnapshot)[];

/** The fields that differ between two snapshots, in form order. */
export function changedFields(before: ArticleSnapshot, after: ArticleSnapshot): (keyof ArticleSnapshot)[] {
  return FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}
