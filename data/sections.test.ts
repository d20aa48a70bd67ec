import { randomBytes } from 'node:crypto';

import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, sections } from '@/db/schema';
import { ForbiddenError, InvalidInputError, SectionInUseError } from '@/lib/errors';
import { formOf, redirectOf } from '@/test/action-helpers';
import { createFactory } from '@/test/factories';
import { recorded, resetRecorded } from '@/test/stubs/next-cache';

import { createSection, deleteSection, getDashboardSection, listDashboardSections, moveSection, updateSection } from './sections';

// Actions find their caller through auth(): tests say who is "signed in".
const session = vi.hoisted(() => ({ current: null as { uid: string; sv: number } | null }));
vi.mock('@/auth', () => ({ auth: async () => session.current }));

const { createSectionAction, deleteSectionAction, moveSectionAction, updateSectionAction } = await import('@/actions/sections');

const unique = () => randomBytes(4).toString('hex');
let factory: ReturnType<typeof createFactory>;
const created: number[] = [];

const audits = (subject: string) => getDb().select().from(auditLog).where(eq(auditLog.subject, subject));
const signInAs = (user: { id: string } | null) => {
  session.current = user ? { uid: user.id, sv: 1 } : null;
};
/** What Next's redirect() throws, so the test can read where it went. */

beforeEach(() => {
  factory = createFactory();
  resetRecorded();
  signInAs(null);
});

afterEach(async () => {
  const db = getDb();
  if (created.length) {
    await db.delete(auditLog).where(inArray(auditLog.subject, created.map((id) => `section:${id}`)));
    await db.delete(sections).where(inArray(sections.id, created.splice(0)));
  }
  await factory.cleanUp();
});

async function make(viewer: Parameters<typeof createSection>[0], name: string, slug = '') {
  const section = await createSection(viewer, { name, slug, description: '' });
  created.push(section.id);
  return section;
}

describe('sections data layer', () => {
  it('creates a section with a slug made from the name, last in the navigation, and records it', async () => {
    const editor = await factory.user('editor');
    const name = `Harbour Life ${unique()}`;
    const section = await make(editor, name);
    expect(section.slug).toBe(name.toLowerCase().replaceAll(' ', '-'));
    const list = await listDashboardSections(editor);
    expect(list.at(-1)).toMatchObject({ id: section.id, articleCount: 0 });
    const [entry] = await audits(`section:${section.id}`);
    expect(entry).toMatchObject({ actorId: editor.id, action: 'section.create', before: null, after: { slug: section.slug, name } });
  });

  it('refuses a reserved slug, typed or made from the name, with a clear message on the slug field', async () => {
    const editor = await factory.user('editor');
    await expect(make(editor, 'Anything', 'dashboard')).rejects.toMatchObject({ field: 'slug', message: expect.stringContaining('reserved') });
    await expect(make(editor, 'Search')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(make(editor, '!!!')).rejects.toMatchObject({ field: 'slug' });
  });

  it('refuses a slug another section has', async () => {
    const editor = await factory.user('editor');
    const first = await make(editor, 'First', `taken-${unique()}`);
    await expect(make(editor, 'Second', first.slug)).rejects.toMatchObject({ field: 'slug', message: expect.stringContaining('already uses') });
  });

  it('updates name, description and position but never the slug, with before and after in the audit log', async () => {
    const editor = await factory.user('editor');
    const section = await make(editor, 'Old name', `upd-${unique()}`);
    const { after } = await updateSection(editor, { id: section.id, name: 'New name', description: 'About it', position: 7 });
    expect(after).toMatchObject({ slug: section.slug, name: 'New name', description: 'About it', position: 7 });
    const entry = (await audits(`section:${section.id}`)).find((row) => row.action === 'section.update');
    expect(entry?.before).toMatchObject({ name: 'Old name' });
    expect(entry?.after).toMatchObject({ name: 'New name', position: 7 });
  });

  it('moves a section up and down, renumbering ties predictably', async () => {
    const editor = await factory.user('editor');
    const a = await make(editor, 'Alpha move', `a-${unique()}`);
    const b = await make(editor, 'Beta move', `b-${unique()}`);
    const order = async () => (await listDashboardSections(editor)).map((row) => row.id).filter((id) => id === a.id || id === b.id);
    expect(await order()).toEqual([a.id, b.id]);
    expect(await moveSection(editor, b.id, 'up')).toMatchObject({ moved: true });
    expect(await order()).toEqual([b.id, a.id]);
    const all = await listDashboardSections(editor);
    expect(await moveSection(editor, all[0]!.id, 'up')).toMatchObject({ moved: false });
    expect(new Set(all.map((row) => row.position)).size).toBe(all.length);
  });

  it('deletes only a section no article is filed in, drafts included', async () => {
    const editor = await factory.user('editor');
    const busy = await factory.section('Busy');
    await factory.article({ sectionId: busy.id, status: 'draft', publishedAt: null });
    const error = await deleteSection(editor, busy.id).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SectionInUseError);
    expect((error as SectionInUseError).articleCount).toBe(1);
    expect(await getDashboardSection(editor, busy.id)).toMatchObject({ articleCount: 1 });
    expect((await listDashboardSections(editor)).find((row) => row.id === busy.id)).toMatchObject({ articleCount: 1 });

    const empty = await make(editor, 'Empty', `e-${unique()}`);
    await deleteSection(editor, empty.id);
    expect(await getDashboardSection(editor, empty.id)).toBeNull();
    expect((await audits(`section:${empty.id}`)).map((row) => row.action)).toContain('section.delete');
  });

  it('refuses every write and read to nobody, readers, contributors and disabled accounts', async () => {
    const section = await factory.section();
    for (const viewer of [null, await factory.user('reader'), await factory.user('contributor')]) {
      await expect(listDashboardSections(viewer)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createSection(viewer, { name: 'Nope', slug: `nope-${unique()}`, description: '' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateSection(viewer, { id: section.id, name: 'Nope', description: '', position: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(moveSection(viewer, section.id, 'up')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteSection(viewer, section.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe('section actions', () => {
  it('create: an editor is sent to the list; the navigation and the new address are invalidated at once', async () => {
    const editor = await factory.user('editor');
    signInAs(editor);
    const slug = `desk-${unique()}`;
    const location = await redirectOf(createSectionAction({ ok: false }, formOf({ name: 'Desk', slug, description: 'A desk.' })));
    expect(location).toBe(`/dashboard/sections?created=${slug}`);
    const [row] = await getDb().select().from(sections).where(eq(sections.slug, slug));
    created.push(row!.id);
    expect(recorded.updated).toEqual(expect.arrayContaining(['sections', `section:${slug}`]));
  });

  it('create: per-field errors for a reserved or taken slug and for a short name', async () => {
    const editor = await factory.user('editor');
    signInAs(editor);
    const reserved = await createSectionAction({ ok: false }, formOf({ name: 'Tags', slug: 'tag', description: '' }));
    expect(reserved.fieldErrors?.slug?.[0]).toContain('reserved');
    const derived = await createSectionAction({ ok: false }, formOf({ name: 'Login', slug: '', description: '' }));
    expect(derived.fieldErrors?.slug?.[0]).toContain('reserved');
    const existing = await factory.section();
    const taken = await createSectionAction({ ok: false }, formOf({ name: 'Again', slug: existing.slug, description: '' }));
    expect(taken.fieldErrors?.slug?.[0]).toContain('already uses');
    const short = await createSectionAction({ ok: false }, formOf({ name: 'x', slug: '', description: '' }));
    expect(short.fieldErrors?.name).toBeDefined();
    expect(short.values?.name).toBe('x');
    expect(recorded.updated).toEqual([]);
  });

  it('refuses forged calls from anonymous visitors, readers, contributors and a disabled editor', async () => {
    const section = await factory.section();
    const callers = [null, await factory.user('reader'), await factory.user('contributor'), await factory.user('editor', { disabled: true })];
    for (const caller of callers) {
      signInAs(caller);
      const slug = `forged-${unique()}`;
      const result = await createSectionAction({ ok: false }, formOf({ name: 'Forged', slug, description: '' }));
      expect(result).toMatchObject({ ok: false, formError: expect.stringContaining('not allowed') });
      expect(await getDb().select().from(sections).where(eq(sections.slug, slug))).toEqual([]);
      expect(await updateSectionAction({ ok: false }, formOf({ id: String(section.id), name: 'Forged', description: '', position: '1' }))).toMatchObject({ ok: false });
      expect(await deleteSectionAction({ ok: false }, formOf({ id: String(section.id) }))).toMatchObject({ ok: false });
      await expect(moveSectionAction(formOf({ id: String(section.id), direction: 'up' }))).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    }
    const [unchanged] = await getDb().select().from(sections).where(eq(sections.id, section.id));
    expect(unchanged?.name).toBe(section.name);
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
    await getDb().delete(auditLog).where(eq(auditLog.subject, `section:${section.id}`));
  });

  it('delete of a section in use says why and changes nothing', async () => {
    const editor = await factory.user('editor');
    const section = await factory.section();
    await factory.article({ sectionId: section.id });
    await factory.article({ sectionId: section.id });
    signInAs(editor);
    const result = await deleteSectionAction({ ok: false }, formOf({ id: String(section.id) }));
    expect(result.formError).toContain('2 articles are still filed in it');
    expect(recorded.updated).toEqual([]);
  });
});
