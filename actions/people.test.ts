import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { signInAs } from '@/test/stubs/auth';

import { changeRoleAction, disableUserAction, enableUserAction, signOutUserEverywhereAction } from './people';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();
afterEach(async () => {
  await getDb().delete(auditLog).where(like(auditLog.subject, 'user:%'));
});

const NOT_ALLOWED = 'Only admins can manage people.';
const row = async (id: string) => (await getDb().select().from(users).where(eq(users.id, id)))[0]!;

describe('people actions', () => {
  it('an admin promotes, disables, signs out and re-enables someone; each goes back to their page', async () => {
    const admin = await factory.user('admin');
    const person = await factory.user('reader');
    signInAs(admin);
    expect(await redirectOf(changeRoleAction({ ok: false }, formOf({ userId: person.id, role: 'contributor' })))).toBe(`/dashboard/people/${person.id}?done=role`);
    expect(await redirectOf(disableUserAction({ ok: false }, formOf({ userId: person.id })))).toBe(`/dashboard/people/${person.id}?done=disabled`);
    expect((await row(person.id)).disabledAt).not.toBeNull();
    expect(await redirectOf(signOutUserEverywhereAction({ ok: false }, formOf({ userId: person.id })))).toBe(`/dashboard/people/${person.id}?done=signed-out`);
    expect(await redirectOf(enableUserAction({ ok: false }, formOf({ userId: person.id })))).toBe(`/dashboard/people/${person.id}?done=enabled`);
    expect(await row(person.id)).toMatchObject({ role: 'contributor', disabledAt: null, sessionVersion: 3 });
  });

  it('guard rails come back as messages', async () => {
    const admin = await factory.user('admin');
    signInAs(admin);
    expect(await disableUserAction({ ok: false }, formOf({ userId: admin.id }))).toMatchObject({ ok: false, formError: 'You cannot disable your own account.' });
    expect(await changeRoleAction({ ok: false }, formOf({ userId: admin.id, role: 'reader' }))).toMatchObject({ ok: false, formError: expect.stringContaining('your own role'), values: { role: 'reader' } });
    expect(await changeRoleAction({ ok: false }, formOf({ userId: admin.id, role: 'owner' }))).toMatchObject({ ok: false, formError: 'Please correct the highlighted fields.', fieldErrors: { role: ['Choose one of the listed roles.'] } });
    for (const userId of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect(await enableUserAction({ ok: false }, formOf({ userId }))).toMatchObject({ ok: false, formError: 'That account no longer exists.' });
    }
    expect(await row(admin.id)).toMatchObject({ role: 'admin', disabledAt: null });
  });

  it('refuses forged calls from anonymous visitors, readers, contributors, editors and a disabled admin', async () => {
    const person = await factory.user('reader', { disabled: true });
    const callers = [null, await factory.user('reader'), await factory.user('contributor'), await factory.user('editor'), await factory.user('admin', { disabled: true })];
    const refused = { ok: false, formError: NOT_ALLOWED };
    for (const caller of callers) {
      signInAs(caller);
      expect(await changeRoleAction({ ok: false }, formOf({ userId: person.id, role: 'admin' }))).toMatchObject(refused);
      expect(await disableUserAction({ ok: false }, formOf({ userId: person.id }))).toMatchObject(refused);
      expect(await enableUserAction({ ok: false }, formOf({ userId: person.id }))).toMatchObject(refused);
      expect(await signOutUserEverywhereAction({ ok: false }, formOf({ userId: person.id }))).toMatchObject(refused);
    }
    // A signed-in reader promoting themselves through a forged call gets nowhere either.
    const reader = await factory.user('reader');
    signInAs(reader);
    expect(await changeRoleAction({ ok: false }, formOf({ userId: reader.id, role: 'admin' }))).toMatchObject(refused);
    expect((await row(reader.id)).role).toBe('reader');
    expect(await row(person.id)).toMatchObject({ role: 'reader', disabledAt: expect.any(Date), sessionVersion: 1 });
    expect(await getDb().select().from(auditLog).where(eq(auditLog.subject, `user:${person.id}`))).toEqual([]);
  });
});
