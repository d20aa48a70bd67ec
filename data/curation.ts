import 'server-only';

import { and, asc, desc, eq, ilike, isNull, notInArray, or, sql } from 'drizzle-orm';

import { getDb, type Database, type Transaction } from '@/db/client';
import { articles, frontPlacements, sections } from '@/db/schema';
import { isPublic, isScheduled } from '@/db/visibility';
import { auditSubjects } from '@/lib/audit-subjects';
import { FrontFullError, NotFoundError } from '@/lib/errors';
import { assertCan } from '@/lib/permissions';

import { recordAudit } from './audit';
import type { Viewer } from './viewer';

/**
 * The editors' arrangement of the fronts (docs/adr/0013): stories pinned in order on the front page (the first is
 * the lead, the next ones the top stories) and featured at the top of each section. A pinned story shows only
 * while it is public, so a scheduled story can be pinned ahead of its minute; everything else fills by time.
 */

/** The front page: the lead and four top stories. */
export const FRONT_PAGE_PINS = 5;
/** A section front: its featured stories. */
export const SECTION_FEATURES = 3;

const CAPABILITY = 'article:publish';

/** Which front: the front page (null) or a section's. */
export type FrontId = number | null;

const onFront = (front: FrontId) => (front === null ? isNull(frontPlacements.sectionId) : eq(frontPlacements.sectionId, front));

export type Placement = {
  id: number;
  articleId: number;
  position: number;
  headline: string;
  status: string;
  publishedAt: Date | null;
  /** Readers see it now (published, due and not expired). */
  isPublic: boolean;
  sectionName: string;
};

/** Editors: one front's pinned stories in order, with what the desk needs to judge them. */
export async function listPlacements(viewer: Viewer | null, front: FrontId): Promise<Placement[]> {
  assertCan(viewer, CAPABILITY);
  return getDb()
    .select({
      id: frontPlacements.id,
      articleId: frontPlacements.articleId,
      position: frontPlacements.position,
      headline: articles.headline,
      status: articles.status,
      publishedAt: articles.publishedAt,
      isPublic: sql<boolean>`${isPublic()}`,
      sectionName: sections.name,
    })
    .from(frontPlacements)
    .innerJoin(articles, eq(articles.id, frontPlacements.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(onFront(front))
    .orderBy(asc(frontPlacements.position), asc(frontPlacements.id));
}

/** Public: the ids of a front's pinned stories that readers may see now, in order. */
export async function publicPinnedIds(db: Database, front: FrontId): Promise<number[]> {
  const rows = await db
    .select({ id: articles.id })
    .from(frontPlacements)
    .innerJoin(articles, eq(articles.id, frontPlacements.articleId))
    .where(and(onFront(front), isPublic()))
    .orderBy(asc(frontPlacements.position), asc(frontPlacements.id));
  return rows.map((row) => row.id);
}

/** Public: every section's featured stories that readers may see now, in order, by section id. */
export async function publicSectionFeatures(db: Database): Promise<Map<number, number[]>> {
  const rows = await db
    .select({ sectionId: frontPlacements.sectionId, id: articles.id })
    .from(frontPlacements)
    .innerJoin(articles, eq(articles.id, frontPlacements.articleId))
    .where(and(sql`${frontPlacements.sectionId} is not null`, isPublic()))
    .orderBy(asc(frontPlacements.sectionId), asc(frontPlacements.position), asc(frontPlacements.id));
  const bySection = new Map<number, number[]>();
  for (const row of rows) bySection.set(row.sectionId!, [...(bySection.get(row.sectionId!) ?? []), row.id]);
  return bySection;
}

/**
 * The rows of one front, in order, with the front locked: callers rewrite positions as 0, 1, 2 … An advisory lock
 * per front (keyed by its audit subject; not only row locks) so that two editors pinning on an empty or nearly full front take turns too.
 */
async function lockFront(tx: Transaction, front: FrontId) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${auditSubjects.front(front)}))`);
  return tx
    .select({ id: frontPlacements.id, articleId: frontPlacements.articleId, position: frontPlacements.position })
    .from(frontPlacements)
    .where(onFront(front))
    .orderBy(asc(frontPlacements.position), asc(frontPlacements.id))
    .for('update');
}

async function renumber(tx: Transaction, rows: { id: number; position: number }[], order: number[]) {
  for (const [position, id] of order.entries()) {
    if (rows.find((row) => row.id === id)?.position !== position) await tx.update(frontPlacements).set({ position }).where(eq(frontPlacements.id, id));
  }
}

/** A front named in audit entries and cache tags: its section's slug, or null for the front page. */
async function sectionOf(tx: Transaction, front: FrontId): Promise<{ slug: string } | null> {
  if (front === null) return null;
  const [section] = await tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, front)).limit(1);
  if (!section) throw new NotFoundError();
  return section;
}

/**
 * Editors: pins a story on a front, at `position` (0 is the lead) or last. A story already on that front moves
 * there. Refused (FrontFullError) when the front is full; a story filed in another section cannot be featured on
 * a section front (NotFoundError, as if it did not exist there). Returns the section's slug for the cache tags.
 */
export async function pinStory(viewer: Viewer | null, input: { front: FrontId; articleId: number; position?: number }): Promise<{ sectionSlug: string | null }> {
  assertCan(viewer, CAPABILITY);
  const { front, articleId } = input;
  return getDb().transaction(async (tx) => {
    const section = await sectionOf(tx, front);
    const [article] = await tx
      .select({ id: articles.id, sectionId: articles.sectionId, headline: articles.headline })
      .from(articles)
      .where(front === null ? eq(articles.id, articleId) : and(eq(articles.id, articleId), eq(articles.sectionId, front)))
      .limit(1);
    if (!article) throw new NotFoundError();
    const rows = await lockFront(tx, front);
    const limit = front === null ? FRONT_PAGE_PINS : SECTION_FEATURES;
    const existing = rows.find((row) => row.articleId === articleId);
    if (!existing && rows.length >= limit) throw new FrontFullError(limit);
    let id = existing?.id;
    if (!id) {
      const [created] = await tx
        .insert(frontPlacements)
        .values({ sectionId: front, articleId, position: rows.length, placedBy: viewer.id })
        .returning({ id: frontPlacements.id });
      id = created!.id;
    }
    const order = rows.map((row) => row.id).filter((rowId) => rowId !== id);
    const at = Math.max(0, Math.min(input.position ?? order.length, order.length));
    order.splice(at, 0, id);
    await renumber(tx, existing ? rows : [...rows, { id, position: rows.length }], order);
    await recordAudit(tx, { actorId: viewer.id, action: 'front.pin', subject: auditSubjects.front(front), after: { articleId, headline: article.headline, position: at } });
    return { sectionSlug: section?.slug ?? null };
  });
}

/** Editors: moves a pinned story one place up or down its front. */
export async function movePin(viewer: Viewer | null, input: { front: FrontId; articleId: number; direction: 'up' | 'down' }): Promise<{ sectionSlug: string | null; moved: boolean }> {
  assertCan(viewer, CAPABILITY);
  const { front, articleId, direction } = input;
  return getDb().transaction(async (tx) => {
    const section = await sectionOf(tx, front);
    const rows = await lockFront(tx, front);
    const index = rows.findIndex((row) => row.articleId === articleId);
    if (index === -1) throw new NotFoundError();
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= rows.length) return { sectionSlug: section?.slug ?? null, moved: false };
    const order = rows.map((row) => row.id);
    [order[index], order[other]] = [order[other]!, order[index]!];
    await renumber(tx, rows, order);
    await recordAudit(tx, { actorId: viewer.id, action: 'front.move', subject: auditSubjects.front(front), before: { articleId, position: index }, after: { articleId, position: other } });
    return { sectionSlug: section?.slug ?? null, moved: true };
  });
}

/** Editors: takes a story off a front (it goes back to filling by time). */
export async function unpinStory(viewer: Viewer | null, input: { front: FrontId; articleId: number }): Promise<{ sectionSlug: string | null }> {
  assertCan(viewer, CAPABILITY);
  const { front, articleId } = input;
  return getDb().transaction(async (tx) => {
    const section = await sectionOf(tx, front);
    const rows = await lockFront(tx, front);
    const removed = rows.find((row) => row.articleId === articleId);
    if (!removed) throw new NotFoundError();
    await tx.delete(frontPlacements).where(eq(frontPlacements.id, removed.id));
    const rest = rows.filter((row) => row.id !== removed.id);
    await renumber(tx, rest, rest.map((row) => row.id));
    await recordAudit(tx, { actorId: viewer.id, action: 'front.unpin', subject: auditSubjects.front(front), before: { articleId, position: removed.position } });
    return { sectionSlug: section?.slug ?? null };
  });
}

export type PinCandidate = { id: number; headline: string; sectionName: string; publishedAt: Date | null; isPublic: boolean };

/**
 * Editors: published stories (live or scheduled, not expired) that could go on a front and are not on it yet,
 * newest first; a section front offers only its own stories. `query` matches the headline.
 */
export async function listPinCandidates(viewer: Viewer | null, input: { front: FrontId; query: string; limit?: number }): Promise<PinCandidate[]> {
  assertCan(viewer, CAPABILITY);
  const db = getDb();
  const pinned = db.select({ id: frontPlacements.articleId }).from(frontPlacements).where(onFront(input.front));
  const conditions = [
    or(isPublic(), isScheduled())!,
    notInArray(articles.id, pinned),
  ];
  if (input.front !== null) conditions.push(eq(articles.sectionId, input.front));
  const query = input.query.trim();
  if (query) conditions.push(ilike(articles.headline, `%${query.replace(/[\\%_]/g, '\\$&')}%`));
  return db
    .select({ id: articles.id, headline: articles.headline, sectionName: sections.name, publishedAt: articles.publishedAt, isPublic: sql<boolean>`${isPublic()}` })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(...conditions))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(input.limit ?? 10);
}
