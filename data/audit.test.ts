import { randomBytes } from 'node:crypto';

import { inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, comments } from '@/db/schema';
import { ForbiddenError } from '@/lib/errors';
import { createFactory } from '@/test/factories';

import { listAuditActors, listAuditLog, recordAudit } from './audit';

let factory: ReturnType<typeof createFactory>;
const subjects: string[] = [];

async function audit(actorId: string, action: string, subject: string, before?: unknown, after?: unknown) {
  subjects.push(subject);
  await recordAudit(getDb(), { actorId, action, subject, before, after });
}

beforeEach(() => {
  factory = createFactory();
});

afterEach(async () => {
  const made = subjects.splice(0);
  if (made.length) await getDb().delete(auditLog).where(inArray(auditLog.subject, made));
  await factory.cleanUp();
});

describe('the audit log, readable', () => {
  it('names who, and what each entry was done to, instead of ids', async () => {
    const admin = await factory.user('admin', { name: 'Ada Admin' });
    const reader = await factory.user('reader', { name: 'Rita Reader' });
    const section = await factory.section('Harbour');
    const words = randomBytes(4).toString('hex');
    const article = await factory.article({ sectionId: section.id, headline: `Sea walls vote ${words}` });
    const [comment] = await getDb().insert(comments).values({ articleId: article.id, userId: reader.id, body: 'A   comment\nabout the walls', status: 'published' }).returning();
    await audit(admin.id, 'article.publish', `article:${article.id}`, { status: 'draft' }, { status: 'published' });
    await audit(admin.id, 'comment.reject', `comment:${comment!.id}`);
    await audit(admin.id, 'user.comments-ban', `user:${reader.id}`);
    await audit(admin.id, 'section.update', `section:${section.id}`);
    await audit(admin.id, 'article.delete', 'article:999999999', { headline: `A deleted story ${words}` });

    const log = await listAuditLog(admin, { actorId: admin.id });
    const bySubject = new Map(log.items.map((item) => [item.subject.key, item]));
    expect(bySubject.get(`article:${article.id}`)).toMatchObject({ actorName: 'Ada Admin', subject: { label: `Sea walls vote ${words}`, href: `/dashboard/articles/${article.id}`, gone: false } });
    expect(bySubject.get(`comment:${comment!.id}`)?.subject).toMatchObject({ label: '“A comment about the walls”', context: { label: `Sea walls vote ${words}`, href: `/dashboard/articles/${article.id}` } });
    expect(bySubject.get(`user:${reader.id}`)?.subject).toMatchObject({ label: 'Rita Reader', href: `/dashboard/people/${reader.id}` });
    expect(bySubject.get(`section:${section.id}`)?.subject.label).toBe('Harbour');
    expect(bySubject.get('article:999999999')?.subject).toMatchObject({ label: `A deleted story ${words}`, href: null, gone: true });
  });

  it('filters by person, by story (with its comments; by number or headline words) and by kind of action', async () => {
    const admin = await factory.user('admin');
    const editor = await factory.user('editor');
    const reader = await factory.user('reader');
    const section = await factory.section();
    const words = randomBytes(4).toString('hex');
    const article = await factory.article({ sectionId: section.id, headline: `Ferry timetable ${words}` });
    const other = await factory.article({ sectionId: section.id });
    const [comment] = await getDb().insert(comments).values({ articleId: article.id, userId: reader.id, body: 'Late again', status: 'published' }).returning();
    await audit(editor.id, 'article.publish', `article:${article.id}`);
    await audit(admin.id, 'article.note.correction', `article:${article.id}`);
    await audit(editor.id, 'comment.approve', `comment:${comment!.id}`);
    await audit(editor.id, 'article.publish', `article:${other.id}`);
    await audit(admin.id, 'user.comments-suspend', `user:${reader.id}`);

    const actions = async (filter: Parameters<typeof listAuditLog>[1]) => (await listAuditLog(admin, filter)).items.map((item) => `${item.action} ${item.subject.key}`).sort();
    expect(await actions({ story: String(article.id) })).toEqual([`article.note.correction article:${article.id}`, `article.publish article:${article.id}`, `comment.approve comment:${comment!.id}`]);
    expect(await actions({ story: `Ferry timetable ${words}` })).toEqual(await actions({ story: String(article.id) }));
    expect(await actions({ story: String(article.id), actorId: admin.id })).toEqual([`article.note.correction article:${article.id}`]);
    expect(await actions({ story: String(article.id), kind: 'stories' })).toEqual([`article.publish article:${article.id}`]);
    expect(await actions({ story: String(article.id), kind: 'corrections' })).toEqual([`article.note.correction article:${article.id}`]);
    expect(await actions({ actorId: admin.id, kind: 'commenters' })).toEqual([`user.comments-suspend user:${reader.id}`]);
    expect(await actions({ actorId: editor.id, kind: 'comments' })).toEqual([`comment.approve comment:${comment!.id}`]);
    // A headline search with LIKE's wildcards matches them literally.
    expect(await actions({ story: '%' })).toEqual([]);
  });

  it('is for admins only, and offers the staff (not readers) as people to filter by', async () => {
    const admin = await factory.user('admin', { name: 'Ada Admin' });
    const editor = await factory.user('editor');
    const reader = await factory.user('reader');
    await expect(listAuditLog(editor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditActors(editor)).rejects.toBeInstanceOf(ForbiddenError);
    const actors = (await listAuditActors(admin)).map((actor) => actor.id);
    expect(actors).toContain(admin.id);
    expect(actors).toContain(editor.id);
    expect(actors).not.toContain(reader.id);
  });
});
