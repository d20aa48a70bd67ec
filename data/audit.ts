import 'server-only';

import { and, asc, count, desc, eq, ilike, inArray, ne, notIlike, or, sql, type SQL } from 'drizzle-orm';

import type { Database } from '@/db/client';
import { getDb } from '@/db/client';
import { articles, auditLog, authors, comments, images, sections, tags, users } from '@/db/schema';
import { auditSubjectPrefix, auditSubjects, parseAuditSubject, type ParsedAuditSubject } from '@/lib/audit-subjects';
import { AUDIT_KINDS, type AuditKind } from '@/lib/audit-wording';
import { parseSerialId } from '@/lib/validation/common';
import { assertCan } from '@/lib/permissions';

import type { Viewer } from './viewer';

type Executor = Pick<Database, 'insert'>;

export type AuditEntryInput = {
  actorId: string;
  /** What was done, as "thing.verb": article.publish, comment.reject, user.role … */
  action: string;
  /** What it was done to, as "kind:id": built by lib/audit-subjects.ts. */
  subject: string;
  before?: unknown;
  after?: unknown;
};

/** Any data function that changes editorial or moderation state: records it, in the caller's transaction. */
export async function recordAudit(executor: Executor, entry: AuditEntryInput): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    subject: entry.subject,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/**
 * What an entry was done to, by name: a story's headline, a comment's opening words and the story it is under, a
 * person's name. `href` opens it in the dashboard (null once it is gone); `gone` says it was deleted since.
 */
export type AuditSubject = {
  kind: 'article' | 'comment' | 'user' | 'section' | 'tag' | 'author' | 'image' | 'other';
  /** The raw "kind:id", kept for the story filter's link and for anything this list does not know. */
  key: string;
  label: string;
  href: string | null;
  /** For a comment: the story it is under. */
  context?: { label: string; href: string | null };
  gone: boolean;
};

export type AuditEntry = {
  id: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subject: AuditSubject;
  before: unknown;
  after: unknown;
  createdAt: string;
};

export type AuditFilter = {
  page?: number;
  /** Who did it (a user id). */
  actorId?: string;
  /** A story: its id, or words of its headline (then every story whose headline has them). */
  story?: string;
  kind?: AuditKind;
  /** Exactly this "kind:id" (the people page's "Audit log for this account"). */
  subject?: string;
};

export const AUDIT_PAGE_SIZE = 50;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, '\\$&');

function kindFilter(kind: AuditKind): SQL {
  const spec: { prefixes: readonly string[]; except?: readonly string[] } = AUDIT_KINDS[kind];
  const any = or(...spec.prefixes.map((prefix) => ilike(auditLog.action, `${escapeLike(prefix)}%`)))!;
  return spec.except?.length ? and(any, ...spec.except.map((prefix) => notIlike(auditLog.action, `${escapeLike(prefix)}%`)))! : any;
}

/** A story's id as the filter takes it: the id, or the story's subject ("article:12"). */
function storyId(story: string): number | undefined {
  const subject = parseAuditSubject(story);
  return subject.kind === 'article' ? subject.id : parseSerialId(story);
}

/** A story's own entries and those of the comments under it; by id, or by words of the headline (also a deleted story's). */
function storyFilter(story: string): SQL {
  const articlePrefix = auditSubjectPrefix('article');
  const commentsUnder = (articleIds: SQL) => sql`(select ${auditSubjectPrefix('comment')}::text || ${comments.id} from ${comments} where ${comments.articleId} in ${articleIds})`;
  const id = storyId(story);
  if (id !== undefined) return or(eq(auditLog.subject, auditSubjects.article(id)), inArray(auditLog.subject, commentsUnder(sql`(${id})`)))!;
  const pattern = `%${escapeLike(story)}%`;
  const matching = sql`(select ${articles.id} from ${articles} where ${articles.headline} ilike ${pattern})`;
  return or(
    inArray(auditLog.subject, sql`(select ${articlePrefix}::text || id from ${matching} m(id))`),
    inArray(auditLog.subject, commentsUnder(matching)),
    and(ilike(auditLog.subject, `${articlePrefix}%`), or(sql`${auditLog.before}->>'headline' ilike ${pattern}`, sql`${auditLog.after}->>'headline' ilike ${pattern}`)),
  )!;
}

/** Admins (user:manage) only: the audit log, newest first, filtered by who, which story, what kind of action or subject. */
export async function listAuditLog(
  viewer: Viewer | null,
  options: AuditFilter = {},
): Promise<{ items: AuditEntry[]; total: number; page: number; pageCount: number }> {
  assertCan(viewer, 'user:manage');
  const page = Math.max(1, options.page ?? 1);
  const filters: SQL[] = [];
  if (options.actorId) filters.push(eq(auditLog.actorId, options.actorId));
  if (options.story) filters.push(storyFilter(options.story));
  if (options.kind) filters.push(kindFilter(options.kind));
  if (options.subject) filters.push(eq(auditLog.subject, options.subject));
  const where = filters.length ? and(...filters) : undefined;
  const db = getDb();
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        actorId: auditLog.actorId,
        actorName: users.name,
        action: auditLog.action,
        subject: auditLog.subject,
        before: auditLog.before,
        after: auditLog.after,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  const subjects = await resolveSubjects(rows);
  const total = totals[0]?.total ?? 0;
  return {
    items: rows.map((row) => ({ ...row, subject: subjects.get(row.id)!, createdAt: row.createdAt.toISOString() })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

type Row = { id: number; subject: string; before: unknown; after: unknown };
type ParsedRow = Row & { parsed: ParsedAuditSubject };

/** The distinct ids of one kind among a page's subjects (a section front counts as its section). */
function idsOf<Kind extends 'article' | 'comment' | 'section' | 'tag' | 'author' | 'image'>(rows: ParsedRow[], kind: Kind): number[] {
  const ids = rows.flatMap(({ parsed }) => (parsed.kind === kind ? [parsed.id] : kind === 'section' && parsed.kind === 'front' && parsed.sectionId !== null ? [parsed.sectionId] : []));
  return [...new Set(ids)];
}

/** A name the entry itself remembers (a deleted story's headline, a deleted tag's name), for what no longer exists. */
function remembered(row: Row, key: 'headline' | 'name' | 'fileName' | 'subject'): string | null {
  for (const side of [row.before, row.after]) {
    if (side && typeof side === 'object' && key in side) {
      const value = (side as Record<string, unknown>)[key];
      if (typeof value === 'string' && value) return value;
    }
  }
  return null;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

/** Names for a page of entries' subjects: one query per kind present, never one per row. */
async function resolveSubjects(entries: Row[]): Promise<Map<number, AuditSubject>> {
  const db = getDb();
  const rows = entries.map((row): ParsedRow => ({ ...row, parsed: parseAuditSubject(row.subject) }));
  const userIds = [...new Set(rows.flatMap(({ parsed }) => (parsed.kind === 'user' ? [parsed.id] : [])))];
  const articleIds = idsOf(rows, 'article');
  const commentIds = idsOf(rows, 'comment');
  const sectionIds = idsOf(rows, 'section');
  const tagIds = idsOf(rows, 'tag');
  const authorIds = idsOf(rows, 'author');
  const imageIds = idsOf(rows, 'image');
  const [articleRows, commentRows, userRows, sectionRows, tagRows, authorRows, imageRows] = await Promise.all([
    articleIds.length ? db.select({ id: articles.id, headline: articles.headline }).from(articles).where(inArray(articles.id, articleIds)) : [],
    commentIds.length
      ? db
          .select({ id: comments.id, body: comments.body, articleId: comments.articleId, headline: articles.headline })
          .from(comments)
          .innerJoin(articles, eq(articles.id, comments.articleId))
          .where(inArray(comments.id, commentIds))
      : [],
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [],
    sectionIds.length ? db.select({ id: sections.id, name: sections.name }).from(sections).where(inArray(sections.id, sectionIds)) : [],
    tagIds.length ? db.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.id, tagIds)) : [],
    authorIds.length ? db.select({ id: authors.id, name: authors.name }).from(authors).where(inArray(authors.id, authorIds)) : [],
    imageIds.length ? db.select({ id: images.id, alt: images.alt, fileName: images.fileName }).from(images).where(inArray(images.id, imageIds)) : [],
  ]);
  const byId = <T extends { id: unknown }>(list: T[]) => new Map<T['id'], T>(list.map((item) => [item.id, item]));
  const found = {
    article: byId(articleRows),
    comment: byId(commentRows),
    user: byId(userRows),
    section: byId(sectionRows),
    tag: byId(tagRows),
    author: byId(authorRows),
    image: byId(imageRows),
  };
  const result = new Map<number, AuditSubject>();
  for (const row of rows) {
    const { parsed } = row;
    const key = row.subject;
    let subject: AuditSubject;
    switch (parsed.kind) {
      case 'article': {
        const { kind, id } = parsed;
        const article = found.article.get(id);
        subject = article
          ? { kind, key, label: article.headline, href: `/dashboard/articles/${id}`, gone: false }
          : { kind, key, label: remembered(row, 'headline') ?? `Story ${id}`, href: null, gone: true };
        break;
      }
      case 'comment': {
        const { kind, id } = parsed;
        const comment = found.comment.get(id);
        subject = comment
          ? { kind, key, label: `“${excerpt(comment.body)}”`, href: null, context: { label: comment.headline, href: `/dashboard/articles/${comment.articleId}` }, gone: false }
          : { kind, key, label: `Comment ${id}`, href: null, gone: true };
        break;
      }
      case 'user': {
        const { kind, id } = parsed;
        const user = found.user.get(id);
        subject = user ? { kind, key, label: user.name || '(no name)', href: `/dashboard/people/${id}`, gone: false } : { kind, key, label: 'A deleted account', href: null, gone: true };
        break;
      }
      case 'section':
      case 'tag':
      case 'author': {
        const { kind, id } = parsed;
        const named = found[kind].get(id);
        const path = { section: 'sections', tag: 'tags', author: 'authors' }[kind];
        subject = named ? { kind, key, label: named.name, href: `/dashboard/${path}/${id}`, gone: false } : { kind, key, label: remembered(row, 'name') ?? `${kind} ${id}`, href: null, gone: true };
        break;
      }
      case 'image': {
        const { kind, id } = parsed;
        const image = found.image.get(id);
        subject = image
          ? { kind, key, label: image.alt || image.fileName, href: `/dashboard/images/${id}`, gone: false }
          : { kind, key, label: remembered(row, 'fileName') ?? `Picture ${id}`, href: null, gone: true };
        break;
      }
      case 'front': {
        const section = parsed.sectionId === null ? undefined : found.section.get(parsed.sectionId);
        subject =
          parsed.sectionId === null
            ? { kind: 'other', key, label: 'the front page', href: '/dashboard/front', gone: false }
            : section
              ? { kind: 'other', key, label: `the ${section.name} front`, href: `/dashboard/front?front=${section.id}`, gone: false }
              : { kind: 'other', key, label: 'a section front (the section was deleted)', href: null, gone: true };
        break;
      }
      case 'breaking': {
        const headline = remembered(row, 'headline');
        subject = { kind: 'other', key, label: headline ? `the banner “${excerpt(headline)}”` : 'a breaking-news banner', href: '/dashboard/front', gone: false };
        break;
      }
      case 'newsletter': {
        const issueSubject = remembered(row, 'subject');
        subject = { kind: 'other', key, label: issueSubject ? `the newsletter “${excerpt(issueSubject)}”` : `newsletter issue ${parsed.id}`, href: `/dashboard/newsletters/${parsed.id}`, gone: false };
        break;
      }
      case 'unknown':
        subject = { kind: 'other', key, label: key, href: null, gone: false };
    }
    result.set(row.id, subject);
  }
  return result;
}

/** Admins only: the staff the log can be filtered by (everyone but readers), by name. */
export async function listAuditActors(viewer: Viewer | null): Promise<{ id: string; name: string; role: string }[]> {
  assertCan(viewer, 'user:manage');
  return getDb().select({ id: users.id, name: users.name, role: users.role }).from(users).where(ne(users.role, 'reader')).orderBy(asc(users.name), asc(users.id));
}
