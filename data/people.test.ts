import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, comments, users } from '@/db/schema';
import { BAN_UNTIL } from '@/lib/comment-standing';
import { ForbiddenError, NotFoundError, PeopleRuleError } from '@/lib/errors';
import { formOf, redirectOf } from '@/test/action-helpers';
import { createFactory } from '@/test/factories';

import { changeUserRole, disableUser, enableUser, getPerson, listPeople, signOutUserEverywhere } from './people';
import { getViewer } from './viewer';

const session = vi.hoisted(() => ({ current: null as { uid: string; sv: number } | null }));
vi.mock('@/auth', () => ({ auth: async () => session.current }));

const { changeRoleAction, disableUserAction, enableUserAction, signOutUserEverywhereAction } = await import('@/actions/people');

let factory: ReturnType<typeof createFactory>;
const made: string[] = [];

const signInAs = (user: { id: string } | null, sv = 1) => {
  session.current = user ? { uid: user.id, sv } : null;
};
const row = async (id: string) => (await getDb().select().from(users).where(eq(users.id, id)))[0]!;
const auditsOf = (id: string) => getDb().select().from(auditLog).where(eq(auditLog.subject, `user:${id}`)).orderBy(auditLog.id);
async function user(role: Parameters<ReturnType<typeof createFactory>['user']>[0], values: { name?: string; disabled?: boolean } = {}) {
  const viewer = await factory.user(role, values);
  made.push(viewer.id);
  return viewer;
}

beforeEach(() => {
  factory = createFactory();
  signInAs(null);
});

afterEach(async () => {
  const ids = made.splice(0);
  if (ids.length) await getDb().delete(auditLog).where(inArray(auditLog.subject, ids.map((id) => `user:${id}`)));
  await factory.cleanUp();
});

describe('people data layer', () => {
  it('lists and searches accounts with role, status, created date and comment count, never a password hash', async () => {
    const admin = await user('admin');
    const person = await user('reader', { name: 'Zebedee Quill' });
    const section = await factory.section();
    const article = await factory.article({ sectionId: section.id });
    await getDb().insert(comments).values({ articleId: article.id, userId: person.id, body: 'Hello', status: 'published' });
    const { items } = await listPeople(admin, { q: 'zebedee' });
    expect(items).toEqual([expect.objectContaining({ id: person.id, name: 'Zebedee Quill', role: 'reader', isDisabled: false, commentCount: 1 })]);
    expect(Object.keys(items[0]!)).not.toContain('passwordHash');
    expect(Object.keys(items[0]!)).not.toContain('sessionVersion');
    const email = (await row(person.id)).email;
    expect((await listPeople(admin, { q: email.toUpperCase() })).items.map((item) => item.id)).toEqual([person.id]);
    expect((await listPeople(admin, { q: '%' })).items).toEqual([]);
    expect((await listPeople(admin, { q: 'zebedee', status: 'disabled' })).items).toEqual([]);
    expect((await listPeople(admin, { q: 'zebedee', role: 'editor' })).items).toEqual([]);
  });

  it('shows and filters who may comment: active, suspended until when, banned (issue 10, bug 5)', async () => {
    const admin = await user('admin');
    const marker = `Standing${Date.now()}`;
    const until = new Date(Date.now() + 7 * 86_400_000);
    const active = await user('reader', { name: `${marker} Active` });
    const lapsed = await user('reader', { name: `${marker} Lapsed` });
    const suspended = await user('reader', { name: `${marker} Suspended` });
    const banned = await user('reader', { name: `${marker} Banned` });
    const disabledAndBanned = await user('reader', { name: `${marker} Gone`, disabled: true });
    const suspend = (id: string, at: Date) => getDb().update(users).set({ commentsSuspendedUntil: at }).where(eq(users.id, id));
    await suspend(lapsed.id, new Date(Date.now() - 1000));
    await suspend(suspended.id, until);
    await suspend(banned.id, BAN_UNTIL);
    await suspend(disabledAndBanned.id, BAN_UNTIL);

    const standings = Object.fromEntries((await listPeople(admin, { q: marker })).items.map((item) => [item.id, item.commentStanding]));
    expect(standings).toEqual({
      [active.id]: { kind: 'active' },
      [lapsed.id]: { kind: 'active' },
      [suspended.id]: { kind: 'suspended', until: until.toISOString() },
      [banned.id]: { kind: 'banned' },
      [disabledAndBanned.id]: { kind: 'banned' },
    });
    expect((await getPerson(admin, banned.id))?.commentStanding).toEqual({ kind: 'banned' });
    expect((await getPerson(admin, suspended.id))?.commentStanding).toEqual({ kind: 'suspended', until: until.toISOString() });

    // The filters agree with the badges: "active" is neither disabled, suspended nor banned.
    const filtered = async (status: 'active' | 'suspended' | 'banned' | 'disabled') =>
      (await listPeople(admin, { q: marker, status })).items.map((item) => item.id).sort();
    expect(await filtered('active')).toEqual([active.id, lapsed.id].sort());
    expect(await filtered('suspended')).toEqual([suspended.id]);
    expect(await filtered('banned')).toEqual([banned.id, disabledAndBanned.id].sort());
    expect(await filtered('disabled')).toEqual([disabledAndBanned.id]);
  });

  it('changes a role and records before and after', async () => {
    const admin = await user('admin');
    const person = await user('reader');
    expect(await changeUserRole(admin, person.id, 'editor')).toEqual({ changed: true });
    expect((await row(person.id)).role).toBe('editor');
    expect(await changeUserRole(admin, person.id, 'editor')).toEqual({ changed: false });
    const entries = await auditsOf(person.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: admin.id, action: 'user.role', before: { role: 'reader' }, after: { role: 'editor' } });
  });

  it('disabling ends every session at once (session version bumped) and enabling lets the person sign in again', async () => {
    const admin = await user('admin');
    const person = await user('editor');
    signInAs(person, 1);
    expect(await getViewer()).toMatchObject({ id: person.id });

    await disableUser(admin, person.id);
    const disabled = await row(person.id);
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.sessionVersion).toBe(2);
    expect(await getViewer()).toBeNull();

    await enableUser(admin, person.id);
    expect((await row(person.id)).disabledAt).toBeNull();
    // The old cookie stays dead; a fresh sign-in (with the new version) works.
    expect(await getViewer()).toBeNull();
    signInAs(person, 2);
    expect(await getViewer()).toMatchObject({ id: person.id });

    const entries = await auditsOf(person.id);
    expect(entries.map((entry) => entry.action)).toEqual(['user.disable', 'user.enable']);
    expect(entries[0]).toMatchObject({ before: { disabled: false, sessionVersion: 1 }, after: { disabled: true, sessionVersion: 2 } });
  });

  it('signs someone out everywhere by bumping the session version', async () => {
    const admin = await user('admin');
    const person = await user('reader');
    signInAs(person, 1);
    await signOutUserEverywhere(admin, person.id);
    expect((await row(person.id)).sessionVersion).toBe(2);
    expect(await getViewer()).toBeNull();
    expect((await auditsOf(person.id))[0]).toMatchObject({ action: 'user.sign-out-everywhere', before: { sessionVersion: 1 }, after: { sessionVersion: 2 } });
  });

  it('an admin cannot demote, disable or sign out themselves', async () => {
    const admin = await user('admin');
    await expect(changeUserRole(admin, admin.id, 'editor')).rejects.toMatchObject({ reason: 'self' });
    await expect(disableUser(admin, admin.id)).rejects.toMatchObject({ reason: 'self' });
    await expect(signOutUserEverywhere(admin, admin.id)).rejects.toBeInstanceOf(PeopleRuleError);
    const unchanged = await row(admin.id);
    expect(unchanged).toMatchObject({ role: 'admin', disabledAt: null, sessionVersion: 1 });
  });

  it('the last active admin cannot be demoted or disabled, even by two admins acting at the same moment', async () => {
    const first = await user('admin');
    const second = await user('admin');
    const [{ n: activeAdmins } = { n: 0 }] = await getDb().select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), isNull(users.disabledAt)));
    expect(activeAdmins, 'this test needs a database whose only admins are its own').toBe(2);

    // Each demotes the other at once: one must win, the other must be refused.
    const results = await Promise.allSettled([changeUserRole(first, second.id, 'editor'), changeUserRole(second, first.id, 'editor')]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ reason: 'last-admin', message: expect.stringContaining('last active admin') });
    const roles = [(await row(first.id)).role, (await row(second.id)).role].sort();
    expect(roles).toEqual(['admin', 'editor']);

    // The survivor, seen by the (now stale) other one: neither disable nor demote.
    const survivor = (await row(first.id)).role === 'admin' ? first : second;
    const loser = survivor === first ? second : first;
    await expect(disableUser(loser, survivor.id)).rejects.toMatchObject({ reason: 'last-admin' });
    await expect(changeUserRole(loser, survivor.id, 'reader')).rejects.toMatchObject({ reason: 'last-admin' });
    expect(await row(survivor.id)).toMatchObject({ role: 'admin', disabledAt: null });
  });

  it('refuses nobody, readers, contributors and editors', async () => {
    const person = await user('reader');
    for (const viewer of [null, await user('reader'), await user('contributor'), await user('editor')]) {
      await expect(listPeople(viewer)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPerson(viewer, person.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(changeUserRole(viewer, person.id, 'admin')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(disableUser(viewer, person.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(enableUser(viewer, person.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(signOutUserEverywhere(viewer, person.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await row(person.id)).toMatchObject({ role: 'reader', disabledAt: null, sessionVersion: 1 });
  });

  it('says not-found for an unknown account', async () => {
    const admin = await user('admin');
    await expect(disableUser(admin, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('people actions', () => {
  it('an admin promotes, disables, signs out and re-enables someone; each goes back to their page', async () => {
    const admin = await user('admin');
    const person = await user('reader');
    signInAs(admin);
    expect(await redirectOf(changeRoleAction({ ok: false }, formOf({ userId: person.id, role: 'contributor' })))).toBe(`/dashboard/people/${person.id}?done=role`);
    expect(await redirectOf(disableUserAction({ ok: false }, formOf({ userId: person.id })))).toBe(`/dashboard/people/${person.id}?done=disabled`);
    expect(await redirectOf(signOutUserEverywhereAction({ ok: false }, formOf({ userId: person.id })))).toBe(`/dashboard/people/${person.id}?done=signed-out`);
    expect(await redirectOf(enableUserAction({ ok: false }, formOf({ userId: person.id })))).toBe(`/dashboard/people/${person.id}?done=enabled`);
    expect(await row(person.id)).toMatchObject({ role: 'contributor', disabledAt: null, sessionVersion: 3 });
  });

  it('guard rails come back as messages', async () => {
    const admin = await user('admin');
    signInAs(admin);
    expect(await disableUserAction({ ok: false }, formOf({ userId: admin.id }))).toEqual({ ok: false, formError: 'You cannot disable your own account.' });
    const self = await changeRoleAction({ ok: false }, formOf({ userId: admin.id, role: 'reader' }));
    expect(self.formError).toContain('your own role');
    const badRole = await changeRoleAction({ ok: false }, formOf({ userId: admin.id, role: 'owner' }));
    expect(badRole.fieldErrors?.role).toBeDefined();
  });

  it('refuses forged calls from anonymous visitors, readers, contributors, editors and a disabled admin', async () => {
    const person = await user('reader');
    const callers = [null, await user('reader'), await user('contributor'), await user('editor'), await user('admin', { disabled: true })];
    for (const caller of callers) {
      signInAs(caller);
      expect(await changeRoleAction({ ok: false }, formOf({ userId: person.id, role: 'admin' }))).toMatchObject({ ok: false, formError: 'Only admins can manage people.' });
      expect(await disableUserAction({ ok: false }, formOf({ userId: person.id }))).toMatchObject({ ok: false, formError: 'Only admins can manage people.' });
      expect(await enableUserAction({ ok: false }, formOf({ userId: person.id }))).toMatchObject({ ok: false });
      expect(await signOutUserEverywhereAction({ ok: false }, formOf({ userId: person.id }))).toMatchObject({ ok: false });
    }
    // A signed-in reader promoting themselves through a forged call gets nowhere either.
    const reader = await user('reader');
    signInAs(reader);
    expect(await changeRoleAction({ ok: false }, formOf({ userId: reader.id, role: 'admin' }))).toMatchObject({ ok: false });
    expect((await row(reader.id)).role).toBe('reader');
    expect(await row(person.id)).toMatchObject({ role: 'reader', disabledAt: null, sessionVersion: 1 });
    expect(await auditsOf(person.id)).toEqual([]);
  });
});
