import { randomBytes } from 'node:crypto';

import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, sections } from '@/db/schema';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { signInAs } from '@/test/stubs/auth';
import { recorded } from '@/test/stubs/next-cache';

import { createSectionAction, deleteSectionAction, moveSectionAction, updateSectionAction } from './sections';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();
afterEach(async () => {
  await getDb().delete(auditLog).where(like(auditLog.subject, 'section:%'));
});

const unique = () => randomBytes(4).toString('hex');
const NOT_ALLOWED = 'You are not allowed to manage sections. Sign in with an editor’s account.';

describe('section actions', () => {
  it('create: an editor is sent to the list; the navigation and the new address are invalidated at once', async () => {
    const editor = await factory.user('editor');
    signInAs(editor);
    const slug = `desk-${unique()}`;
    const location = await redirectOf(createSectionAction({ ok: false }, formOf({ name: 'Desk', slug, description: 'A desk.' })));
    expect(location).toBe(`/dashboard/sections?created=${slug}`);
    const [row] = await getDb().select().from(sections).where(eq(sections.slug, slug));
    factory.track('sections', row!.id);
    expect(recorded.updated).toEqual(expect.arrayContaining(['sections', `section:${slug}`]));
  });

  it('create: per-field errors for a reserved or taken slug and for a short name', async () => {
    const editor = await factory.user('editor');
    signInAs(editor);
    const reserved = await createSectionAction({ ok: false }, formOf({ name: 'Tags', slug: 'tag', description: '' }));
    expect(reserved).toMatchObject({ ok: false, formError: 'Please correct the highlighted fields.', fieldErrors: { slug: [expect.stringContaining('reserved')] } });
    const derived = await createSectionAction({ ok: false }, formOf({ name: 'Login', slug: '', description: '' }));
    expect(derived.fieldErrors?.slug?.[0]).toContain('reserved');
    const existing = await factory.section();
    const taken = await createSectionAction({ ok: false }, formOf({ name: 'Again', slug: existing.slug, description: '' }));
    expect(taken.fieldErrors?.slug?.[0]).toContain('already uses');
    const short = await createSectionAction({ ok: false }, formOf({ name: 'x', slug: '', description: '' }));
    expect(short.fieldErrors?.name).toEqual(['Use at least 2 characters.']);
    expect(short.values?.name).toBe('x');
    expect(recorded.updated).toEqual([]);
  });

  it('refuses forged calls from anonymous visitors, readers, contributors and a disabled editor', async () => {
    const section = await factory.section();
    const callers = [null, await factory.user('reader'), await factory.user('contributor'), await factory.user('editor', { disabled: true })];
    for (const caller of callers) {
      signInAs(caller);
      const slug = `forged-${unique()}`;
      expect(await createSectionAction({ ok: false }, formOf({ name: 'Forged', slug, description: '' }))).toMatchObject({ ok: false, formError: NOT_ALLOWED });
      expect(await getDb().select().from(sections).where(eq(sections.slug, slug))).toEqual([]);
      expect(await updateSectionAction({ ok: false }, formOf({ id: String(section.id), name: 'Forged', description: '', position: '1' }))).toMatchObject({ ok: false, formError: NOT_ALLOWED });
      expect(await deleteSectionAction({ ok: false }, formOf({ id: String(section.id) }))).toMatchObject({ ok: false, formError: NOT_ALLOWED });
      await expect(moveSectionAction(formOf({ id: String(section.id), direction: 'up' }))).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    }
    const [unchanged] = await getDb().select().from(sections).where(eq(sections.id, section.id));
    expect(unchanged).toMatchObject({ name: section.name, position: section.position });
    expect(recorded.updated).toEqual([]);
  });

  it('update invalidates the navigation, the section and (in the background) article lists', async () => {
    const editor = await factory.user('editor');
    const section = await factory.section('Before');
    signInAs(editor);
    const location = await redirectOf(updateSectionAction({ ok: false }, formOf({ id: String(section.id), name: 'After', description: '', position: '3' })));
    expect(location).toBe(`/dashboard/sections?updated=${section.slug}`);
    expect(recorded.updated).toEqual(expect.arrayContaining(['sections', `section:${section.slug}`]));
    expect(recorded.revalidated).toContain('articles');
  });

  it('delete of a section in use says why and changes nothing; an empty one is deleted', async () => {
    const editor = await factory.user('editor');
    const section = await factory.section();
    await factory.article({ sectionId: section.id });
    await factory.article({ sectionId: section.id });
    signInAs(editor);
    const result = await deleteSectionAction({ ok: false }, formOf({ id: String(section.id) }));
    expect(result).toMatchObject({ ok: false, formError: 'This section cannot be deleted: 2 articles are still filed in it (drafts included). Move them to another section first.' });
    expect(recorded.updated).toEqual([]);

    const empty = await factory.section();
    expect(await redirectOf(deleteSectionAction({ ok: false }, formOf({ id: String(empty.id) })))).toBe(`/dashboard/sections?deleted=${empty.slug}`);
    expect(await getDb().select().from(sections).where(eq(sections.id, empty.id))).toEqual([]);
    expect(recorded.updated).toEqual(expect.arrayContaining(['sections', `section:${empty.slug}`]));
    expect(await deleteSectionAction({ ok: false }, formOf({ id: String(empty.id) }))).toMatchObject({ ok: false, formError: 'This section no longer exists.' });
  });
});
