import 'server-only';

import { and, count, desc, eq, gt, gte, ilike, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';

import type { Database } from '@/db/client';
import { getDb } from '@/db/client';
import { comments, users } from '@/db/schema';
import { auditSubjects } from '@/lib/audit-subjects';
import { BAN_UNTIL, commentStanding, type CommentStanding } from '@/lib/comment-standing';
import { NotFoundError, PeopleRuleError } from '@/lib/errors';
import type { UserRole } from '@/lib/roles';
import type { PeopleListParams } from '@/lib/validation/people';
import { assertCan } from '@/lib/permissions';

import { recordAudit } from './audit';
import { revokeAllUserSessions } from './sessions';
import type { Viewer } from './viewer';

/** What the people pages show of an account: never its password hash or session version. */
export type Person = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  isDisabled: boolean;
  disabledAt: string | null;
  /** Whether they may comment: active, suspended until a moment, or banned (lib/comment-standing). */
  commentStanding: CommentStanding;
  createdAt: string;
  commentCount: number;
};

const CAPABILITY = 'user:manage';
export const PEOPLE_PAGE_SIZE = 50;

const columns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  disabledAt: users.disabledAt,
  commentsSuspendedUntil: users.commentsSuspendedUntil,
  createdAt: users.createdAt,
  commentCount: count(comments.id),
};

type Row = { id: string; name: string; email: string; role: UserRole; disabledAt: Date | null; commentsSuspendedUntil: Date | null; createdAt: Date; commentCount: number };

function toPerson(row: Row, now: Date): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    isDisabled: row.disabledAt !== null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    commentStanding: commentStanding(row.commentsSuspendedUntil, now.getTime()),
    createdAt: row.createdAt.toISOString(),
    commentCount: row.commentCount,
  };
}

const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * The status filter, in the same terms as the badges (commentStanding at `now`): active = neither disabled nor
 * suspended nor banned; suspended and banned = from commenting (a disabled account may also be either); disabled.
 */
function statusFilter(status: PeopleListParams['status'] | undefined, now: Date): SQL | undefined {
  const until = users.commentsSuspendedUntil;
  if (status === 'active') return and(isNull(users.disabledAt), or(isNull(until), lte(until, now)));
  if (status === 'suspended') return and(gt(until, now), lt(until, BAN_UNTIL));
  if (status === 'banned') return gte(until, BAN_UNTIL);
  if (status === 'disabled') return isNotNull(users.disabledAt);
  return undefined;
}

/** Admins (user:manage): accounts, newest first, searched by name or e-mail and filtered by role and status. */
export async function listPeople(
  viewer: Viewer | null,
  params: Partial<PeopleListParams> = {},
): Promise<{ items: Person[]; total: number; page: number; pageCount: number }> {
  assertCan(viewer, CAPABILITY);
  const page = Math.max(1, params.page ?? 1);
  const now = new Date();
  const filters: SQL[] = [];
  if (params.q) filters.push(or(ilike(users.name, containing(params.q)), ilike(users.email, containing(params.q)))!);
  if (params.role) filters.push(eq(users.role, params.role));
  const status = statusFilter(params.status, now);
  if (status) filters.push(status);
  const where = filters.length ? and(...filters) : undefined;
  const db = getDb();
  const [rows, totals] = await Promise.all([
    db
      .select(columns)
      .from(users)
      .leftJoin(comments, eq(comments.userId, users.id))
      .where(where)
      .groupBy(users.id)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(PEOPLE_PAGE_SIZE)
      .offset((page - 1) * PEOPLE_PAGE_SIZE),
    db.select({ total: count() }).from(users).where(where),
  ]);
  const total = totals[0]?.total ?? 0;
  return { items: rows.map((row) => toPerson(row, now)), total, page, pageCount: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)) };
}

/** Admins (user:manage): one account, or null. */
export async function getPerson(viewer: Viewer | null, userId: string): Promise<Person | null> {
  assertCan(viewer, CAPABILITY);
  const [row] = await getDb().select(columns).from(users).leftJoin(comments, eq(comments.userId, users.id)).where(eq(users.id, userId)).groupBy(users.id).limit(1);
  return row ? toPerson(row, new Date()) : null;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Locks the target row and, for changes that can take away an admin, serialises them all on one advisory lock so two
 * admins demoting each other at the same moment cannot leave the site with none.
 */
async function lockTarget(tx: Tx, userId: string, guardAdmins: boolean) {
  if (guardAdmins) await tx.execute(sql`select pg_advisory_xact_lock(hashtext('newsroom:active-admins'))`);
  const [target] = await tx
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId))
    .for('update')
    .limit(1);
  if (!target) throw new NotFoundError();
  return target;
}

async function otherActiveAdmins(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)));
  return row?.n ?? 0;
}

const LAST_ADMIN = 'This is the last active admin: make someone else an admin first.';

/**
 * Admins (user:manage): gives an account another role; effective on its next request (roles are re-read every
 * time). Refuses the admin's own account and the last active admin (PeopleRuleError). Throws NotFoundError.
 */
export async function changeUserRole(viewer: Viewer | null, userId: string, role: UserRole): Promise<{ changed: boolean }> {
  assertCan(viewer, CAPABILITY);
  if (userId === viewer.id) throw new PeopleRuleError('self', 'You cannot change your own role; ask another admin.');
  return getDb().transaction(async (tx) => {
    const target = await lockTarget(tx, userId, true);
    if (target.role === role) return { changed: false };
    if (target.role === 'admin' && !target.disabledAt && (await otherActiveAdmins(tx, userId)) === 0) throw new PeopleRuleError('last-admin', LAST_ADMIN);
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await recordAudit(tx, { actorId: viewer.id, action: 'user.role', subject: auditSubjects.user(userId), before: { role: target.role }, after: { role } });
    return { changed: true };
  });
}

/**
 * Admins (user:manage): disables an account and ends all its sessions at once (session version bumped; getViewer
 * also treats a disabled account as signed out). Refuses the admin's own account and the last active admin.
 */
export async function disableUser(viewer: Viewer | null, userId: string): Promise<{ changed: boolean }> {
  assertCan(viewer, CAPABILITY);
  if (userId === viewer.id) throw new PeopleRuleError('self', 'You cannot disable your own account.');
  return getDb().transaction(async (tx) => {
    const target = await lockTarget(tx, userId, true);
    if (target.disabledAt) return { changed: false };
    if (target.role === 'admin' && (await otherActiveAdmins(tx, userId)) === 0) throw new PeopleRuleError('last-admin', LAST_ADMIN);
    const [after] = await tx
      .update(users)
      .set({ disabledAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ disabledAt: users.disabledAt, sessionVersion: users.sessionVersion });
    await revokeAllUserSessions(userId, tx);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'user.disable',
      subject: auditSubjects.user(userId),
      before: { disabled: false, sessionVersion: target.sessionVersion },
      after: { disabled: true, disabledAt: after!.disabledAt!.toISOString(), sessionVersion: after!.sessionVersion },
    });
    return { changed: true };
  });
}

/** Admins (user:manage): re-enables a disabled account (its old sessions stay ended; the person signs in again). */
export async function enableUser(viewer: Viewer | null, userId: string): Promise<{ changed: boolean }> {
  assertCan(viewer, CAPABILITY);
  return getDb().transaction(async (tx) => {
    const target = await lockTarget(tx, userId, false);
    if (!target.disabledAt) return { changed: false };
    await tx.update(users).set({ disabledAt: null }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'user.enable',
      subject: auditSubjects.user(userId),
      before: { disabled: true, disabledAt: target.disabledAt.toISOString() },
      after: { disabled: false },
    });
    return { changed: true };
  });
}

/**
 * Admins (user:manage): signs an account out on every device (bumps its session version). Refuses the admin's own
 * account: that is on their account page, where this session is signed in again.
 */
export async function signOutUserEverywhere(viewer: Viewer | null, userId: string): Promise<void> {
  assertCan(viewer, CAPABILITY);
  if (userId === viewer.id) throw new PeopleRuleError('self', 'Use “Sign out everywhere” on your own account page instead.');
  await getDb().transaction(async (tx) => {
    const target = await lockTarget(tx, userId, false);
    const [after] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ sessionVersion: users.sessionVersion });
    await revokeAllUserSessions(userId, tx);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'user.sign-out-everywhere',
      subject: auditSubjects.user(userId),
      before: { sessionVersion: target.sessionVersion },
      after: { sessionVersion: after!.sessionVersion },
    });
  });
}
