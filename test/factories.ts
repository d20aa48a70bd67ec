/**
 * Builders for integration tests: every row gets a unique slug, and `cleanUp()` deletes what a test made,
 * so tests never depend on each other or on demo content.
 */
import { randomBytes } from 'node:crypto';

import { inArray } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articleAuthors, articleRelatedPicks, articleSlugHistory, articleTags, articles, authors, sections, tags, users } from '@/db/schema';
import type { ArticleInput } from '@/data/article-editor';
import type { Viewer } from '@/data/viewer';
import type { UserRole } from '@/lib/roles';

const unique = () => randomBytes(4).toString('hex');

export function createFactory() {
  const made = { articles: [] as number[], sections: [] as number[], tags: [] as number[], authors: [] as number[], users: [] as string[] };
  const db = getDb();

  return {
    async section(name = 'Section') {
      const [row] = await db.insert(sections).values({ slug: `s-${unique()}`, name, position: 0 }).returning();
      made.sections.push(row!.id);
      return row!;
    },
    async tag(name = 'Tag') {
      const [row] = await db.insert(tags).values({ slug: `t-${unique()}`, name }).returning();
      made.tags.push(row!.id);
      return row!;
    },
    async author(name = 'Author', bio = '') {
      const [row] = await db.insert(authors).values({ slug: `a-${unique()}`, name, bio }).returning();
      made.authors.push(row!.id);
      return row!;
    },
    async article(values: {
      sectionId: number;
      headline?: string;
      dek?: string;
      body?: string;
      status?: 'draft' | 'in_review' | 'published';
      publishedAt?: Date | null;
      unpublishAt?: Date | null;
      tagIds?: number[];
      authorIds?: number[];
      slug?: string;
      createdBy?: string;
    }) {
      const [row] = await db
        .insert(articles)
        .values({
          slug: values.slug ?? `story-${unique()}`,
          sectionId: values.sectionId,
          headline: values.headline ?? `Story ${unique()}`,
          dek: values.dek ?? '',
          body: values.body ?? 'Some words.',
          status: values.status ?? 'published',
          publishedAt: values.publishedAt === undefined ? new Date(Date.now() - 60_000) : values.publishedAt,
          unpublishAt: values.unpublishAt ?? null,
          createdBy: values.createdBy ?? null,
        })
        .returning();
      made.articles.push(row!.id);
      if (values.tagIds?.length) await db.insert(articleTags).values(values.tagIds.map((tagId) => ({ articleId: row!.id, tagId })));
      if (values.authorIds?.length) {
        await db.insert(articleAuthors).values(values.authorIds.map((authorId, position) => ({ articleId: row!.id, authorId, position })));
      }
      return row!;
    },
    /** A user of the given role (no password: tests act as them through the Viewer they get back). */
    async user(role: UserRole = 'reader', values: { name?: string; disabled?: boolean } = {}): Promise<Viewer> {
      const name = values.name ?? `${role} ${unique()}`;
      const [row] = await db
        .insert(users)
        .values({ name, email: `${role}-${unique()}-${unique()}@example.test`, role, disabledAt: values.disabled ? new Date() : null })
        .returning({ id: users.id });
      made.users.push(row!.id);
      return { id: row!.id, name, role };
    },
    /** Rows made elsewhere (by the code under test) that cleanUp should delete too. */
    track(kind: 'articles' | 'sections' | 'tags' | 'authors', id: number) {
      made[kind].push(id);
    },
    async pick(articleId: number, relatedArticleId: number, position = 0) {
      await db.insert(articleRelatedPicks).values({ articleId, relatedArticleId, position });
    },
    async oldSlug(articleId: number, slug: string) {
      await db.insert(articleSlugHistory).values({ articleId, slug });
    },
    /** Deletes what was made so far; the factory can then serve the next test. */
    async cleanUp() {
      const ids = { articles: made.articles.splice(0), authors: made.authors.splice(0), tags: made.tags.splice(0), sections: made.sections.splice(0), users: made.users.splice(0) };
      if (ids.articles.length) await db.delete(articles).where(inArray(articles.id, ids.articles));
      if (ids.authors.length) await db.delete(authors).where(inArray(authors.id, ids.authors));
      if (ids.tags.length) await db.delete(tags).where(inArray(tags.id, ids.tags));
      if (ids.sections.length) await db.delete(sections).where(inArray(sections.id, ids.sections));
      if (ids.users.length) await db.delete(users).where(inArray(users.id, ids.users));
    },
  };
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** What the story editor sends for a plain news story in `sectionId` by `authorIds`; `overrides` changes any field. */
export function storyInput(base: { sectionId: number; authorIds: number[]; headline: string; body: string; slug: string }, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    dek: '',
    format: 'news',
    tags: [],
    heroImageId: null,
    heroAlt: '',
    heroCaption: '',
    seoTitle: '',
    seoDescription: '',
    related: [],
    ...base,
    ...overrides,
  };
}
