import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, mailMessages, newsletterIssues } from '@/db/schema';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { signInAs } from '@/test/stubs/auth';

import { createNewsletterIssueAction, deliverNewsletterIssueAction, updateNewsletterIssueAction } from './newsletter-issues';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();
afterEach(async () => {
  await getDb().delete(auditLog).where(like(auditLog.subject, 'newsletter:%'));
  await getDb().delete(mailMessages).where(like(mailMessages.key, 'newsletter:%'));
  await getDb().delete(newsletterIssues).where(like(newsletterIssues.subject, 'Action test%'));
});

const NOT_ALLOWED = 'You are not allowed to send newsletters. Sign in with an editor’s account.';

async function draft() {
  const editor = await factory.user('editor');
  signInAs(editor);
  const location = await redirectOf(createNewsletterIssueAction({ ok: false }, formOf({ list: 'daily', subject: 'Action test briefing', intro: 'Hello.' })));
  const id = Number(/^\/dashboard\/newsletters\/(\d+)\?done=created$/.exec(location)![1]);
  return { editor, id };
}

describe('newsletter issue actions', () => {
  it('an editor writes, schedules (in the newsroom’s time zone), takes back and sends an issue', async () => {
    const { id } = await draft();
    expect(await redirectOf(deliverNewsletterIssueAction({ ok: false }, formOf({ id: String(id), when: 'schedule', scheduledFor: '2099-06-01T09:30' })))).toBe(`/dashboard/newsletters/${id}?done=scheduled`);
    const [scheduled] = await getDb().select().from(newsletterIssues).where(eq(newsletterIssues.id, id));
    // Europe/London is an hour ahead of UTC in June.
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledFor: new Date('2099-06-01T08:30:00Z') });
    expect(await redirectOf(deliverNewsletterIssueAction({ ok: false }, formOf({ id: String(id), when: 'draft', scheduledFor: '' })))).toBe(`/dashboard/newsletters/${id}?done=draft`);
    expect(await redirectOf(updateNewsletterIssueAction({ ok: false }, formOf({ id: String(id), list: 'daily', subject: 'Action test briefing, edited', intro: '' })))).toBe(`/dashboard/newsletters/${id}?done=saved`);
    expect(await redirectOf(deliverNewsletterIssueAction({ ok: false }, formOf({ id: String(id), when: 'now', scheduledFor: '' })))).toBe(`/dashboard/newsletters/${id}?done=sent`);
    expect(await deliverNewsletterIssueAction({ ok: false }, formOf({ id: String(id), when: 'now', scheduledFor: '' }))).toMatchObject({ ok: false, formError: 'This issue has been sent already.' });
    expect(await updateNewsletterIssueAction({ ok: false }, formOf({ id: String(id), list: 'daily', subject: 'Action test too late', intro: '' }))).toMatchObject({ ok: false, formError: 'This issue has been sent already.' });
  });

  it('refuse bad input: a past or malformed time, a short subject, an unknown list or issue', async () => {
    const { id } = await draft();
    expect(await deliverNewsletterIssueAction({ ok: false }, formOf({ id: String(id), when: 'schedule', scheduledFor: '2001-01-01T10:00' }))).toMatchObject({ ok: false, fieldErrors: { scheduledFor: ['Choose a time in the future.'] } });
    expect(await deliverNewsletterIssueAction({ ok: false }, formOf({ id: String(id), when: 'schedule', scheduledFor: 'soon' }))).toMatchObject({ ok: false, fieldErrors: { scheduledFor: ['Give the date and time to send at.'] } });
    expect(await createNewsletterIssueAction({ ok: false }, formOf({ list: 'daily', subject: 'x', intro: '' }))).toMatchObject({ ok: false, fieldErrors: { subject: [expect.any(String)] } });
    expect(await createNewsletterIssueAction({ ok: false }, formOf({ list: 'section:no-such-section', subject: 'Action test nowhere', intro: '' }))).toMatchObject({ ok: false, fieldErrors: { list: ['Choose one of the newsletters listed.'] } });
    expect(await deliverNewsletterIssueAction({ ok: false }, formOf({ id: '2147483647', when: 'now', scheduledFor: '' }))).toMatchObject({ ok: false, formError: 'This issue no longer exists.' });
  });

  it('refuse forged calls from anonymous visitors, readers, contributors and a disabled editor', async () => {
    const { id } = await draft();
    for (const caller of [null, await factory.user('reader'), await factory.user('contributor'), await factory.user('editor', { disabled: true })]) {
      signInAs(caller);
      expect(await createNewsletterIssueAction({ ok: false }, formOf({ list: 'daily', subject: 'Action test forged', intro: '' }))).toMatchObject({ ok: false, formError: NOT_ALLOWED });
      expect(await deliverNewsletterIssueAction({ ok: false }, formOf({ id: String(id), when: 'now', scheduledFor: '' }))).toMatchObject({ ok: false, formError: NOT_ALLOWED });
      expect(await updateNewsletterIssueAction({ ok: false }, formOf({ id: String(id), list: 'daily', subject: 'Action test forged', intro: '' }))).toMatchObject({ ok: false, formError: NOT_ALLOWED });
    }
    const [row] = await getDb().select().from(newsletterIssues).where(eq(newsletterIssues.id, id));
    expect(row).toMatchObject({ status: 'draft', subject: 'Action test briefing' });
  });
});
