import 'server-only';

import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';

import type { Database } from '@/db/client';
import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { assertCan } from '@/lib/permissions';

import type { Viewer } from './viewer';

type Executor = Pick<Database, 'insert'>;

export type AuditEntryInput = {
  actorId: string;
  /** What was done, as "thing.verb": article.publish, comment.reject, user.role … */
  action: string;
  /** What it was done to, as "kind:id". */
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

export type AuditEntry = {
  id: number;
  actorName: string | null;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  createdAt: string;
};

export const AUDIT_PAGE_SIZE = 50;

/** Admins (user:manage) only: the audit log, newest first, optionally filtered by action prefix or subject. */
export async function listAuditLog(
  viewer: Viewer | null,
  options: { page?: number; action?: string; subject?: string } = {},
): Promise<{ items: AuditEntry[]; total: number; page: number; pageCount: number }> {
  assertCan(viewer, 'user:manage');
  const page = Math.max(1, options.page ?? 1);
  const filters: SQL[] = [];
  if (options.action) filters.push(ilike(auditLog.action, `${options.action.replace(/[\\%_]/g, '\\$&')}%`));
  if (options.subject) filters.push(eq(auditLog.subject, options.subject));
  const where = filters.length ? and(...filters) : undefined;
  const db = getDb();
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: auditLog.id,
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
  const total = totals[0]?.total ?? 0;
  return {
    items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}
