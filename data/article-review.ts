import 'server-only';

import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';

import { getDb, type Transaction } from '@/db/client';
import { articleDeskNotes, articles, sections, users } from '@/db/schema';
import { auditSubjects } from '@/lib/audit-subjects';
import type { DeskNoteKind } from '@/lib/editorial';
import { ForbiddenError, NotFoundError, ReviewRuleError } from '@/lib/errors';
import { assertCan, can, mayOpenStory } from '@/lib/permissions';
import { DESK_NOTES_LIMIT, HOME_PANEL_LIMIT, firstLine, nextDeskSeenAt, publishedSinceStart } from '@/lib/review';
import type { UserRole } from '@/lib/roles';

import { recordAudit } from './audit';
import type { Viewer } from './viewer';

/**
 * The review loop (docs/adr/0015): an editor sends a story in review back to its writer with a note, or assigns a
 * story to a member of staff; internal desk notes on a story; the dashboard home's panels and "Mark as seen". None
 * of this is public: nothing here is cached and no public read ever selects article_desk_notes. Every function
 * re-checks the viewer, and the story's scope (editors any story, contributors the stories they started) is part of
 * each query's WHERE clause, not only a check beforehand.
 */

/** mayOpenStory (lib/permissions.ts) as SQL on `articles`. */
function openableBy(viewer: Viewer): SQL | undefined {
  return can(viewer, 'article:publish') ? undefined : eq(articles.createdBy, viewer.id);
}

/** Whether an account can work on stories at all (staff, not disabled). */
function isActiveStaff(account: { role: UserRole; disabledAt: Date | null } | undefined): account is { role: UserRole; disabledAt: null } {
  return account !== undefined && account.disabledAt === null && can(account, 'article:write');
}

/** NotFound when the story does not exist, Forbidden when it exists but the viewer may not open it. */
async function whyNotOpenable(executor: Pick<Transaction, 'select'>, viewer: Viewer, articleId: number): Promise<Error> {
  const [row] = await executor.select({ createdBy: articles.createdBy }).from(articles).where(eq(articles.id, articleId)).limit(1);
  if (!row) return new NotFoundError();
  return mayOpenStory(viewer, row) ? new NotFoundError() : new ForbiddenError();
}

/**
 * Editors: sends a story in review back to its writer with a note. The story returns to draft, waits on its writer
 * (assignee) and is marked sent back; the note is kept as a 'sent_back' desk note. Refused (ReviewRuleError) when
 * the story is not in review, when it changed since `baseVersion`, or when its writer can no longer open it.
 */
export async function sendBackToWriter(viewer: Viewer | null, articleId: number, baseVersion: number, note: string, now = new Date()): Promise<{ id: number; version: number; writerId: string }> {
  assertCan(viewer, 'article:publish');
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ status: articles.status, version: articles.version, createdBy: articles.createdBy })
      .from(articles)
      .where(eq(articles.id, articleId))
      .for('update')
      .limit(1);
    if (!row) throw new NotFoundError();
    if (row.status !== 'in_review') throw new ReviewRuleError('not-in-review');
    if (row.version !== baseVersion) throw new ReviewRuleError('outdated');
    const [writer] = row.createdBy
      ? await tx.select({ id: users.id, role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, row.createdBy)).limit(1)
      : [];
    if (!writer || !isActiveStaff(writer)) throw new ReviewRuleError('no-writer');
    const version = row.version + 1;
    const updated = await tx
      .update(articles)
      .set({ status: 'draft', sentBackAt: now, assigneeId: writer.id, version })
      // The state it was read in, again: nothing moves it between the lock and here, but the write says what it needs.
      .where(and(eq(articles.id, articleId), eq(articles.status, 'in_review'), eq(articles.version, baseVersion)))
      .returning({ id: articles.id });
    if (!updated.length) throw new ReviewRuleError('outdated');
    await tx.insert(articleDeskNotes).values({ articleId, kind: 'sent_back', body: note, authorId: viewer.id, createdAt: now });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'article.send_back',
      subject: auditSubjects.article(articleId),
      before: { status: 'in_review' },
      after: { status: 'draft', assigneeId: writer.id, note },
    });
    return { id: articleId, version, writerId: writer.id };
  });
}

/**
 * Editors: gives a story to a member of staff (or to nobody, with null). A contributor can be given only a story
 * they wrote, since they cannot open anyone else's. Assigning someone new ends a send-back (the story now waits on
 * them). Does not change the story's version: the text and its state are untouched.
 */
export async function assignStory(viewer: Viewer | null, articleId: number, assigneeId: string | null): Promise<{ changed: boolean; assigneeName: string | null }> {
  assertCan(viewer, 'article:publish');
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ createdBy: articles.createdBy, assigneeId: articles.assigneeId })
      .from(articles)
      .where(eq(articles.id, articleId))
      .for('update')
      .limit(1);
    if (!row) throw new NotFoundError();
    let assigneeName: string | null = null;
    if (assigneeId) {
      const [person] = await tx.select({ name: users.name, role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, assigneeId)).limit(1);
      if (!person || !isActiveStaff(person)) throw new ReviewRuleError('assignee-invalid');
      if (!mayOpenStory({ id: assigneeId, role: person.role }, row)) throw new ReviewRuleError('assignee-not-own');
      assigneeName = person.name;
    }
    if (row.assigneeId === assigneeId) return { changed: false, assigneeName };
    await tx.update(articles).set({ assigneeId, sentBackAt: null }).where(eq(articles.id, articleId));
    await recordAudit(tx, { actorId: viewer.id, action: 'article.assign', subject: auditSubjects.article(articleId), before: { assigneeId: row.assigneeId }, after: { assigneeId } });
    return { changed: true, assigneeName };
  });
}

export type StaffChoice = { id: string; name: string; role: UserRole };

/**
 * Editors: who a story can be assigned to: active editors and admins, and its writer when they are a contributor
 * (a contributor cannot open anyone else's story). Staff lists are short; bounded anyway.
 */
export async function listAssignableStaff(viewer: Viewer | null, articleId: number): Promise<StaffChoice[]> {
  assertCan(viewer, 'article:publish');
  const writer = sql`(select created_by from articles where id = ${articleId})`;
  return getDb()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), or(inArray(users.role, ['editor', 'admin']), and(eq(users.role, 'contributor'), sql`${users.id} = ${writer}`))))
    .orderBy(asc(users.name), asc(users.id))
    .limit(200);
}

export type DeskNote = { id: number; kind: DeskNoteKind; body: string; authorName: string | null; createdAt: string };

/**
 * Contributors (own stories), editors, admins: adds an internal note to a story. Staff who may open the story see
 * it on its page; readers never do (no public read selects desk notes). Inserted only if the story is in the
 * viewer's scope (the WHERE clause of the insert's select); otherwise NotFound or Forbidden says which.
 */
export async function addDeskNote(viewer: Viewer | null, articleId: number, body: string, now = new Date()): Promise<{ id: number }> {
  assertCan(viewer, 'article:write');
  return getDb().transaction(async (tx) => {
    // The scope is part of the read that finds the story (and holds it for the insert), not a check before it.
    const [story] = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.id, articleId), openableBy(viewer)))
      .for('share')
      .limit(1);
    if (!story) throw await whyNotOpenable(tx, viewer, articleId);
    const inserted = await tx.insert(articleDeskNotes).values({ articleId, kind: 'note', body, authorId: viewer.id, createdAt: now }).returning({ id: articleDeskNotes.id });
    await recordAudit(tx, { actorId: viewer.id, action: 'article.desk_note', subject: auditSubjects.article(articleId), after: { body } });
    return { id: inserted[0]!.id };
  });
}

/**
 * Contributors (own stories), editors, admins: a story's desk notes, oldest first (the newest DESK_NOTES_LIMIT),
 * and how many there are. Forbidden or NotFound for a story outside the viewer's scope.
 */
export async function listDeskNotes(viewer: Viewer | null, articleId: number): Promise<{ notes: DeskNote[]; total: number }> {
  assertCan(viewer, 'article:write');
  const db = getDb();
  const scope = and(eq(articleDeskNotes.articleId, articleId), openableBy(viewer));
  const [rows, [counted]] = await Promise.all([
    db
      .select({ id: articleDeskNotes.id, kind: articleDeskNotes.kind, body: articleDeskNotes.body, authorName: users.name, createdAt: articleDeskNotes.createdAt })
      .from(articleDeskNotes)
      .innerJoin(articles, eq(articles.id, articleDeskNotes.articleId))
      .leftJoin(users, eq(users.id, articleDeskNotes.authorId))
      .where(scope)
      .orderBy(desc(articleDeskNotes.createdAt), desc(articleDeskNotes.id))
      .limit(DESK_NOTES_LIMIT),
    db.select({ total: count() }).from(articleDeskNotes).innerJoin(articles, eq(articles.id, articleDeskNotes.articleId)).where(scope),
  ]);
  if (rows.length === 0) {
    // No notes, or a story the viewer may not open: only the second is a refusal.
    const [story] = await db.select({ createdBy: articles.createdBy }).from(articles).where(eq(articles.id, articleId)).limit(1);
    if (!story) throw new NotFoundError();
    if (!mayOpenStory(viewer, story)) throw new ForbiddenError();
  }
  return {
    notes: rows.reverse().map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    total: counted?.total ?? 0,
  };
}

export type ReviewState = {
  /** Who started the story (its writer), if their account still exists. */
  writerId: string | null;
  assignee: { id: string; name: string } | null;
  /** The latest send-back, while the story is still sent back (cleared when it is submitted again). */
  sentBack: { at: string; by: string | null; note: string } | null;
};

/** Contributors (own stories), editors, admins: who a story waits on, and why it was sent back. */
export async function getReviewState(viewer: Viewer | null, articleId: number): Promise<ReviewState> {
  assertCan(viewer, 'article:write');
  const db = getDb();
  const [row] = await db
    .select({ writerId: articles.createdBy, assigneeId: articles.assigneeId, assigneeName: users.name, sentBackAt: articles.sentBackAt })
    .from(articles)
    .leftJoin(users, eq(users.id, articles.assigneeId))
    .where(and(eq(articles.id, articleId), openableBy(viewer)))
    .limit(1);
  if (!row) throw await whyNotOpenable(db, viewer, articleId);
  let sentBack: ReviewState['sentBack'] = null;
  if (row.sentBackAt) {
    const [note] = await db
      .select({ body: articleDeskNotes.body, by: users.name, at: articleDeskNotes.createdAt })
      .from(articleDeskNotes)
      .leftJoin(users, eq(users.id, articleDeskNotes.authorId))
      .where(and(eq(articleDeskNotes.articleId, articleId), eq(articleDeskNotes.kind, 'sent_back')))
      .orderBy(desc(articleDeskNotes.createdAt), desc(articleDeskNotes.id))
      .limit(1);
    sentBack = { at: row.sentBackAt.toISOString(), by: note?.by ?? null, note: note?.body ?? '' };
  }
  return { writerId: row.writerId, assignee: row.assigneeId && row.assigneeName ? { id: row.assigneeId, name: row.assigneeName } : null, sentBack };
}

export type HomeRow = {
  id: number;
  headline: string;
  sectionName: string;
  status: 'draft' | 'in_review' | 'published';
  /** The time the panel is about: saved, sent back or published. */
  at: string;
  /** Where the row links: the story's workspace, or its public page for a published story the viewer cannot open. */
  href: string;
  /** "Sent back to me": the note's first line and who wrote it. */
  note?: string;
  noteBy?: string | null;
};

export type HomePanel = { rows: HomeRow[]; total: number };

export type DeskHome = {
  assignedToMe: HomePanel;
  sentBackToMe: HomePanel;
  waitingForReview: HomePanel;
  publishedSince: HomePanel & { since: string; isFirstLook: boolean };
  /** When the page was made: "Mark as seen" sends it back (lib/review.ts nextDeskSeenAt). */
  shownAt: string;
};

const homeColumns = {
  id: articles.id,
  headline: articles.headline,
  sectionName: sections.name,
  sectionSlug: sections.slug,
  slug: articles.slug,
  status: articles.status,
  createdBy: articles.createdBy,
  savedAt: articles.savedAt,
  sentBackAt: articles.sentBackAt,
  publishedAt: articles.publishedAt,
};

type HomeSelect = {
  id: number;
  headline: string;
  sectionName: string;
  sectionSlug: string;
  slug: string;
  status: 'draft' | 'in_review' | 'published';
  createdBy: string | null;
  savedAt: Date;
  sentBackAt: Date | null;
  publishedAt: Date | null;
};

/**
 * Contributors, editors, admins: the dashboard home's review panels, each at most HOME_PANEL_LIMIT rows with its
 * total. Assigned to me (waiting on the viewer, not sent back), sent back to me (with the note's first line),
 * waiting for review (editors every story in review, contributors their own; longest waiting first), and published
 * since the viewer last looked (users.desk_seen_at, or the last 24 hours when never set). Each query uses an index:
 * articles_assignee_idx, articles_desk_status_saved_idx, articles_public_published_idx.
 */
export async function getDeskHome(viewer: Viewer | null, now = new Date()): Promise<DeskHome> {
  assertCan(viewer, 'article:write');
  const db = getDb();
  const [me] = await db.select({ deskSeenAt: users.deskSeenAt }).from(users).where(eq(users.id, viewer.id)).limit(1);
  const since = publishedSinceStart(me?.deskSeenAt ?? null, now);
  const scope = openableBy(viewer);

  const assigned = and(eq(articles.assigneeId, viewer.id), isNull(articles.sentBackAt), scope);
  const sentBack = and(eq(articles.assigneeId, viewer.id), isNotNull(articles.sentBackAt), scope);
  const waiting = and(eq(articles.status, 'in_review'), scope);
  // Public stories are everyone's news: not scoped, but a contributor's row links to the public page (below).
  const published = and(
    eq(articles.status, 'published'),
    gt(articles.publishedAt, since),
    lte(articles.publishedAt, now),
    or(isNull(articles.unpublishAt), gt(articles.unpublishAt, now)),
  );

  const select = (where: SQL | undefined, order: SQL[], extra = {}) =>
    db
      .select({ ...homeColumns, ...extra })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(where)
      .orderBy(...order)
      .limit(HOME_PANEL_LIMIT);
  const total = async (where: SQL | undefined) => (await db.select({ total: count() }).from(articles).where(where))[0]?.total ?? 0;
  const latestSendBack = {
    noteBody: sql<string | null>`(select n.body from article_desk_notes n where n.article_id = ${articles.id} and n.kind = 'sent_back' order by n.created_at desc, n.id desc limit 1)`,
    noteBy: sql<string | null>`(select u.name from article_desk_notes n left join users u on u.id = n.author_id where n.article_id = ${articles.id} and n.kind = 'sent_back' order by n.created_at desc, n.id desc limit 1)`,
  };

  const [assignedRows, assignedTotal, sentBackRows, sentBackTotal, waitingRows, waitingTotal, publishedRows, publishedTotal] = await Promise.all([
    select(assigned, [desc(articles.savedAt), desc(articles.id)]),
    total(assigned),
    select(sentBack, [desc(articles.sentBackAt), desc(articles.id)], latestSendBack),
    total(sentBack),
    select(waiting, [asc(articles.savedAt), asc(articles.id)]),
    total(waiting),
    select(published, [desc(articles.publishedAt), desc(articles.id)]),
    total(published),
  ]);

  const workspace = (row: HomeSelect) => `/dashboard/articles/${row.id}`;
  const toRow = (row: HomeSelect, at: Date | null, href = workspace(row)): HomeRow => ({
    id: row.id,
    headline: row.headline,
    sectionName: row.sectionName,
    status: row.status,
    at: (at ?? row.savedAt).toISOString(),
    href,
  });
  return {
    assignedToMe: { rows: assignedRows.map((row) => toRow(row, row.savedAt)), total: assignedTotal },
    sentBackToMe: {
      rows: (sentBackRows as (HomeSelect & { noteBody: string | null; noteBy: string | null })[]).map((row) => ({ ...toRow(row, row.sentBackAt), note: firstLine(row.noteBody ?? ''), noteBy: row.noteBy })),
      total: sentBackTotal,
    },
    waitingForReview: { rows: waitingRows.map((row) => toRow(row, row.savedAt)), total: waitingTotal },
    publishedSince: {
      rows: publishedRows.map((row) => toRow(row, row.publishedAt, mayOpenStory(viewer, row) ? workspace(row) : `/${row.sectionSlug}/${row.slug}`)),
      total: publishedTotal,
      since: since.toISOString(),
      isFirstLook: !me?.deskSeenAt,
    },
    shownAt: now.toISOString(),
  };
}

/**
 * Contributors, editors, admins: marks "published since you last looked" as seen, up to `shownAt` (when the page
 * the viewer read was made; lib/review.ts nextDeskSeenAt keeps it from moving back or into the future).
 */
export async function markDeskSeen(viewer: Viewer | null, shownAt: Date | null, now = new Date()): Promise<Date> {
  assertCan(viewer, 'article:write');
  return getDb().transaction(async (tx) => {
    const [me] = await tx.select({ deskSeenAt: users.deskSeenAt }).from(users).where(eq(users.id, viewer.id)).for('update').limit(1);
    if (!me) throw new NotFoundError();
    const seenAt = nextDeskSeenAt(shownAt, me.deskSeenAt, now);
    await tx.update(users).set({ deskSeenAt: seenAt }).where(eq(users.id, viewer.id));
    return seenAt;
  });
}
