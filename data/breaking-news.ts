import 'server-only';

import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';

import { getDb, getPublicDb } from '@/db/client';
import { articles, breakingNews, sections, users } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import { auditSubjects } from '@/lib/audit-subjects';
import { cacheTags } from '@/lib/cache-tags';
import type { BreakingNews } from '@/lib/dto';
import { NotFoundError } from '@/lib/errors';
import { assertCan } from '@/lib/permissions';

import { recordAudit } from './audit';
import { HOUR, lifetimeUntil } from './cache-life';
import type { Viewer } from './viewer';

/**
 * The breaking-news banner across the public site (docs/adr/0013): at most one is live, from when an editor starts
 * it until it is lifted or its expiry passes. Every cached page carries the `breaking` tag, and the expiry is one
 * of the moments the site's scheduler invalidates the pages at (db/next-change.ts).
 */

const CAPABILITY = 'article:publish';

const live = (now: Date) =>
  and(isNull(breakingNews.liftedAt), lte(breakingNews.startedAt, now), or(isNull(breakingNews.expiresAt), gt(breakingNews.expiresAt, now)));

/** Public: the live banner, if any, with a link to its story while that story is public. */
export async function getBreakingNews(): Promise<BreakingNews | null> {
  'use cache';
  // The link follows its story's visibility (a scheduled story's link appears at its minute).
  cacheTag(cacheTags.breaking(), cacheTags.articles());
  const now = new Date();
  const [row] = await getPublicDb()
    .select({
      headline: breakingNews.headline,
      expiresAt: breakingNews.expiresAt,
      articleSlug: articles.slug,
      sectionSlug: sections.slug,
      articlePublic: sql<boolean | null>`${isPublic()}`,
    })
    .from(breakingNews)
    .leftJoin(articles, eq(articles.id, breakingNews.articleId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(live(now))
    .orderBy(desc(breakingNews.startedAt), desc(breakingNews.id))
    .limit(1);
  cacheLife(lifetimeUntil(row?.expiresAt ?? null, HOUR));
  if (!row) return null;
  const href = row.articlePublic && row.articleSlug && row.sectionSlug ? `/${row.sectionSlug}/${row.articleSlug}` : null;
  return { headline: row.headline, href };
}

export type BreakingNewsEntry = {
  id: number;
  headline: string;
  articleId: number | null;
  articleHeadline: string | null;
  startedAt: Date;
  expiresAt: Date | null;
  liftedAt: Date | null;
  createdByName: string | null;
  isLive: boolean;
};

/** Editors: the live banner and the last few, newest first. */
export async function listBreakingNews(viewer: Viewer | null, limit = 5): Promise<BreakingNewsEntry[]> {
  assertCan(viewer, CAPABILITY);
  const now = new Date();
  return getDb()
    .select({
      id: breakingNews.id,
      headline: breakingNews.headline,
      articleId: breakingNews.articleId,
      articleHeadline: articles.headline,
      startedAt: breakingNews.startedAt,
      expiresAt: breakingNews.expiresAt,
      liftedAt: breakingNews.liftedAt,
      createdByName: users.name,
      isLive: sql<boolean>`coalesce(${live(now)}, false)`,
    })
    .from(breakingNews)
    .leftJoin(articles, eq(articles.id, breakingNews.articleId))
    .leftJoin(users, eq(users.id, breakingNews.createdBy))
    .orderBy(desc(breakingNews.startedAt), desc(breakingNews.id))
    .limit(limit);
}

/**
 * Editors: puts up a banner (lifting any live one: there is one at a time). `articleId` must name a story;
 * `expiresAt` null means until lifted.
 */
export async function startBreakingNews(
  viewer: Viewer | null,
  input: { headline: string; articleId: number | null; expiresAt: Date | null },
  now = new Date(),
): Promise<{ id: number }> {
  assertCan(viewer, CAPABILITY);
  return getDb().transaction(async (tx) => {
    if (input.articleId !== null) {
      const [article] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, input.articleId)).limit(1);
      if (!article) throw new NotFoundError();
    }
    // Serialises two editors starting banners at once: each lifts what was live before it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('breaking_news'))`);
    const lifted = await tx.update(breakingNews).set({ liftedAt: now }).where(live(now)).returning({ id: breakingNews.id });
    const [created] = await tx
      .insert(breakingNews)
      .values({ headline: input.headline, articleId: input.articleId, startedAt: now, expiresAt: input.expiresAt, createdBy: viewer.id })
      .returning({ id: breakingNews.id });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'breaking.start',
      subject: auditSubjects.breaking(created!.id),
      after: { headline: input.headline, articleId: input.articleId, expiresAt: input.expiresAt?.toISOString() ?? null, ...(lifted.length ? { replaced: lifted.map((row) => row.id) } : {}) },
    });
    return { id: created!.id };
  });
}

/** Editors: takes a live banner down. NotFoundError when it is not live (already lifted or expired). */
export async function liftBreakingNews(viewer: Viewer | null, id: number, now = new Date()): Promise<void> {
  assertCan(viewer, CAPABILITY);
  await getDb().transaction(async (tx) => {
    const lifted = await tx
      .update(breakingNews)
      .set({ liftedAt: now })
      .where(and(eq(breakingNews.id, id), live(now)))
      .returning({ headline: breakingNews.headline });
    if (lifted.length === 0) throw new NotFoundError();
    await recordAudit(tx, { actorId: viewer.id, action: 'breaking.lift', subject: auditSubjects.breaking(id), before: { headline: lifted[0]!.headline } });
  });
}
