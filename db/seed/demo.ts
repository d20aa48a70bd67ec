/**
 * Writes the demo newspaper: renders its illustrations into `mediaDir`, then stores the plan from plan.ts in one
 * transaction with multi-row inserts. Same seed and same `now` give the same rows and the same image bytes.
 */
import { eq } from 'drizzle-orm';

import type { Database } from '../client';
import {
  articleAuthors,
  articleRelatedPicks,
  articles,
  articleSlugHistory,
  articleTags,
  authors,
  images,
  liveEntries,
  sections,
  tags,
  users,
} from '../schema';
import { renderImages } from './images';
import { DEFAULT_SEED, planDemoContent } from './plan';

export type DemoSummary = { sections: number; tags: number; authors: number; articles: number; scheduled: number; images: number };

// Keeps each statement well under PostgreSQL's 65,535 bind parameters (articles have 17 columns).
const CHUNK_SIZE = 500;
const IMAGE_CREDIT = 'Illustration: demo content';

/** Runs `write` on successive slices of `rows` (none for an empty list) and collects what it returns. */
async function inChunks<T, R>(rows: readonly T[], write: (chunk: T[]) => PromiseLike<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) results.push(...(await write(rows.slice(start, start + CHUNK_SIZE))));
  return results;
}

async function insertChunks<T>(rows: readonly T[], write: (chunk: T[]) => PromiseLike<unknown>): Promise<void> {
  await inChunks(rows, async (chunk) => {
    await write(chunk);
    return [];
  });
}

function idsBy<K extends string>(rows: { id: number; key: K }[]): Map<K, number> {
  return new Map(rows.map((row) => [row.key, row.id]));
}

function required<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo seed: no ${what} for ${String(key)}`);
  return value;
}

async function assertEmpty(db: Database): Promise<void> {
  const [section] = await db.select({ id: sections.id }).from(sections).limit(1);
  const [article] = await db.select({ id: articles.id }).from(articles).limit(1);
  if (section || article) throw new Error('demo seed: the database already has sections or articles; the demo content goes into an empty one');
}

/**
 * Fills an empty database with the demo newspaper and writes its images into `mediaDir` (created if missing).
 * Refuses (throws) when sections or articles already exist. `now` anchors every date; it defaults to the clock.
 */
export async function seedDemoContent(
  db: Database,
  options: { mediaDir: string; seed?: number; now?: Date },
): Promise<DemoSummary> {
  const now = options.now ?? new Date();
  const plan = planDemoContent(options.seed ?? DEFAULT_SEED, now);
  await assertEmpty(db);

  // Rendering takes seconds, so it happens before the transaction rather than holding one open.
  const jobs = [
    ...plan.authors.map((author) => ({ job: author.avatar, createdAt: author.createdAt })),
    ...plan.articles.map((article) => ({ job: article.hero, createdAt: article.createdAt })),
  ];
  const files = await renderImages(
    options.mediaDir,
    jobs.map(({ job }) => job),
  );

  await db.transaction(async (tx) => {
    const imageIds = idsBy(
      await inChunks(
        files.map((file, index) => ({ ...file, credit: IMAGE_CREDIT, createdAt: jobs[index]?.createdAt ?? now })),
        (chunk) => tx.insert(images).values(chunk).returning({ id: images.id, key: images.fileName }),
      ),
    );

    await insertChunks(
      plan.authors.map((author) => ({ id: author.userId, name: author.name, email: author.email, role: author.role, createdAt: author.createdAt })),
      (chunk) => tx.insert(users).values(chunk),
    );
    const sectionIds = idsBy(await inChunks(plan.sections, (chunk) => tx.insert(sections).values(chunk).returning({ id: sections.id, key: sections.slug })));
    const tagIds = idsBy(await inChunks(plan.tags, (chunk) => tx.insert(tags).values(chunk).returning({ id: tags.id, key: tags.slug })));
    const authorIds = idsBy(
      await inChunks(
        plan.authors.map((author) => ({
          slug: author.slug,
          name: author.name,
          jobTitle: author.jobTitle,
          bio: author.bio,
          avatarImageId: required(imageIds, author.avatar.fileName, 'avatar'),
          userId: author.userId,
          createdAt: author.createdAt,
        })),
        (chunk) => tx.insert(authors).values(chunk).returning({ id: authors.id, key: authors.slug }),
      ),
    );

    const articleIds = idsBy(
      await inChunks(
        plan.articles.map((article) => ({
          slug: article.slug,
          sectionId: required(sectionIds, article.sectionSlug, 'section'),
          headline: article.headline,
          dek: article.dek,
          body: article.body,
          format: article.format,
          status: article.status,
          heroImageId: required(imageIds, article.hero.fileName, 'hero image'),
          heroAlt: article.hero.alt,
          heroCaption: article.heroCaption,
          publishedAt: article.publishedAt,
          updatedAt: article.updatedAt,
          unpublishAt: article.unpublishAt,
          version: article.version,
          createdAt: article.createdAt,
          savedAt: article.updatedAt ?? article.createdAt,
        })),
        (chunk) => tx.insert(articles).values(chunk).returning({ id: articles.id, key: articles.slug }),
      ),
    );
    const articleId = (slug: string) => required(articleIds, slug, 'article');

    const bylines = plan.articles.flatMap((article) =>
      article.authors.map((slug, position) => ({ articleId: articleId(article.slug), authorId: required(authorIds, slug, 'author'), position })),
    );
    await insertChunks(bylines, (chunk) => tx.insert(articleAuthors).values(chunk));

    const tagging = plan.articles.flatMap((article) =>
      article.tags.map((slug) => ({ articleId: articleId(article.slug), tagId: required(tagIds, slug, 'tag') })),
    );
    await insertChunks(tagging, (chunk) => tx.insert(articleTags).values(chunk));
    await insertChunks(
      plan.relatedPicks.map((pick) => ({ articleId: articleId(pick.article), relatedArticleId: articleId(pick.related), position: pick.position })),
      (chunk) => tx.insert(articleRelatedPicks).values(chunk),
    );
    await insertChunks(
      plan.slugHistory.map((entry) => ({ slug: entry.slug, articleId: articleId(entry.article), createdAt: entry.createdAt })),
      (chunk) => tx.insert(articleSlugHistory).values(chunk),
    );

    // Live blogs (docs/adr/0026): a running one and a closed one, with their entries.
    const userOf = new Map(plan.authors.map((author) => [author.slug, author.userId]));
    for (const blog of plan.liveBlogs) {
      if (blog.closedAt) await tx.update(articles).set({ liveClosedAt: blog.closedAt }).where(eq(articles.id, articleId(blog.article)));
      await insertChunks(
        blog.entries.map((entry) => ({ articleId: articleId(blog.article), title: entry.title, body: entry.body, keyEvent: entry.keyEvent, pinned: entry.pinned, postedAt: entry.postedAt, authorId: userOf.get(entry.authorSlug) ?? null })),
        (chunk) => tx.insert(liveEntries).values(chunk),
      );
    }
  });

  return {
    sections: plan.sections.length,
    tags: plan.tags.length,
    authors: plan.authors.length,
    articles: plan.articles.length,
    scheduled: plan.articles.filter((article) => article.status === 'published' && article.publishedAt !== null && article.publishedAt > now).length,
    images: files.length,
  };
}
