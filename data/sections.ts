import 'server-only';

import { asc, count, eq, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articles, sections } from '@/db/schema';
import { auditSubjects } from '@/lib/audit-subjects';
import { InvalidInputError, NotFoundError, SectionInUseError } from '@/lib/errors';
import { isReservedSectionSlug, isValidSlug, slugify } from '@/lib/slug';
import type { CreateSectionInput, UpdateSectionInput } from '@/lib/validation/sections';
import { assertCan } from '@/lib/permissions';

import { recordAudit } from './audit';
import type { Viewer } from './viewer';

export type DashboardSection = {
  id: number;
  name: string;
  slug: string;
  description: string;
  position: number;
  /** Every article filed in it, whatever its status (drafts block a delete too). */
  articleCount: number;
};

const CAPABILITY = 'article:publish';

const columns = { id: sections.id, name: sections.name, slug: sections.slug, description: sections.description, position: sections.position };

/** Editors (article:publish): every section in navigation order, with how many articles each holds. */
export async function listDashboardSections(viewer: Viewer | null): Promise<DashboardSection[]> {
  assertCan(viewer, CAPABILITY);
  const rows = await getDb()
    .select({ ...columns, articleCount: count(articles.id) })
    .from(sections)
    .leftJoin(articles, eq(articles.sectionId, sections.id))
    .groupBy(sections.id)
    .orderBy(asc(sections.position), asc(sections.name), asc(sections.id));
  return rows;
}

/** Editors (article:publish): one section for the edit page, or null. */
export async function getDashboardSection(viewer: Viewer | null, id: number): Promise<DashboardSection | null> {
  assertCan(viewer, CAPABILITY);
  const [row] = await getDb()
    .select({ ...columns, articleCount: count(articles.id) })
    .from(sections)
    .leftJoin(articles, eq(articles.sectionId, sections.id))
    .where(eq(sections.id, id))
    .groupBy(sections.id)
    .limit(1);
  return row ?? null;
}

/** The slug a new section gets: the one typed, or one made from the name; refused when unusable or reserved. */
function sectionSlugFor(input: { name: string; slug: string }): string {
  const slug = input.slug || slugify(input.name);
  if (!slug) throw new InvalidInputError('slug', 'The name has no letters or digits to make an address from; type one.');
  if (!isValidSlug(slug)) throw new InvalidInputError('slug', 'Use lower-case letters, digits and single hyphens.');
  if (isReservedSectionSlug(slug)) {
    throw new InvalidInputError('slug', `The address “/${slug}” is reserved for a page of the site itself; choose another.`);
  }
  return slug;
}

/**
 * Editors (article:publish): adds a section at the end of the navigation. The slug is fixed from now on. Throws
 * InvalidInputError('slug') for a reserved or taken address.
 */
export async function createSection(viewer: Viewer | null, input: CreateSectionInput): Promise<DashboardSection> {
  assertCan(viewer, CAPABILITY);
  const slug = sectionSlugFor(input);
  return getDb().transaction(async (tx) => {
    const [last] = await tx.select({ position: sql<number>`coalesce(max(${sections.position}), 0)::int` }).from(sections);
    const [row] = await tx
      .insert(sections)
      .values({ slug, name: input.name, description: input.description, position: (last?.position ?? 0) + 1 })
      .onConflictDoNothing({ target: sections.slug })
      .returning(columns);
    if (!row) throw new InvalidInputError('slug', `Another section already uses the address “/${slug}”; choose another.`);
    await recordAudit(tx, { actorId: viewer.id, action: 'section.create', subject: auditSubjects.section(row.id), after: row });
    return { ...row, articleCount: 0 };
  });
}

/** Editors (article:publish): renames, re-describes or re-positions a section (never its slug). Throws NotFoundError. */
export async function updateSection(viewer: Viewer | null, input: UpdateSectionInput): Promise<{ before: DashboardSection; after: DashboardSection }> {
  assertCan(viewer, CAPABILITY);
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select(columns).from(sections).where(eq(sections.id, input.id)).for('update').limit(1);
    if (!before) throw new NotFoundError();
    const [after] = await tx
      .update(sections)
      .set({ name: input.name, description: input.description, position: input.position })
      .where(eq(sections.id, input.id))
      .returning(columns);
    await recordAudit(tx, { actorId: viewer.id, action: 'section.update', subject: auditSubjects.section(input.id), before, after });
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(articles).where(eq(articles.sectionId, input.id));
    return { before: { ...before, articleCount: n }, after: { ...after!, articleCount: n } };
  });
}

/**
 * Editors (article:publish): moves a section one place up or down the navigation. Positions are renumbered 1..n in
 * the current order first, so ties (several sections at 0) move predictably. Returns the moved section's slug.
 */
export async function moveSection(viewer: Viewer | null, id: number, direction: 'up' | 'down'): Promise<{ slug: string; moved: boolean }> {
  assertCan(viewer, CAPABILITY);
  return getDb().transaction(async (tx) => {
    // Lock the whole list: two editors reordering at once take turns instead of interleaving.
    const rows = await tx
      .select({ id: sections.id, slug: sections.slug, position: sections.position })
      .from(sections)
      .orderBy(asc(sections.position), asc(sections.name), asc(sections.id))
      .for('update');
    const index = rows.findIndex((row) => row.id === id);
    if (index === -1) throw new NotFoundError();
    const other = direction === 'up' ? index - 1 : index + 1;
    const moved = rows[index]!;
    if (other < 0 || other >= rows.length) return { slug: moved.slug, moved: false };
    const order = rows.map((row) => row.id);
    [order[index], order[other]] = [order[other]!, order[index]!];
    const before = rows.map((row) => ({ id: row.id, position: row.position }));
    for (const [position, sectionId] of order.entries()) {
      const current = rows.find((row) => row.id === sectionId)!;
      if (current.position !== position + 1) await tx.update(sections).set({ position: position + 1 }).where(eq(sections.id, sectionId));
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'section.reorder',
      subject: auditSubjects.section(id),
      before: { position: before.find((row) => row.id === id)!.position },
      after: { position: order.indexOf(id) + 1, direction },
    });
    return { slug: moved.slug, moved: true };
  });
}

/**
 * Editors (article:publish): deletes a section that no article (of any status) is filed in. Throws
 * SectionInUseError otherwise, and NotFoundError.
 */
export async function deleteSection(viewer: Viewer | null, id: number): Promise<{ slug: string }> {
  assertCan(viewer, CAPABILITY);
  return getDb().transaction(async (tx) => {
    // FOR UPDATE conflicts with the key-share lock an article insert takes on its section, so the count holds.
    const [section] = await tx.select(columns).from(sections).where(eq(sections.id, id)).for('update').limit(1);
    if (!section) throw new NotFoundError();
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(articles).where(eq(articles.sectionId, id));
    if (n > 0) throw new SectionInUseError(n);
    await tx.delete(sections).where(eq(sections.id, id));
    await recordAudit(tx, { actorId: viewer.id, action: 'section.delete', subject: auditSubjects.section(id), before: section });
    return { slug: section.slug };
  });
}
