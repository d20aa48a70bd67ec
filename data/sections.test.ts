import { randomBytes } from 'node:crypto';

import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, sections } from '@/db/schema';
import { ForbiddenError, SectionInUseError } from '@/lib/errors';
import { createFactory } from '@/test/factories';

import { createSection, deleteSection, getDashboardSection, listDashboardSections, moveSection, updateSection } from './sections';

const unique = () => randomBytes(4).toString('hex');
let factory: ReturnType<typeof createFactory>;
const created: number[] = [];

const audits = (subject: string) => getDb().select().from(auditLog).where(eq(auditLog.subject, subject));

beforeEach(() => {
  factory = createFactory();
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
    await expect(make(editor, 'Search')).rejects.toMatchObject({ field: 'slug', message: 'The address “/search” is reserved for a page of the site itself; choose another.' });
    await expect(make(editor, '!!!')).rejects.toMatchObject({ field: 'slug', message: 'The name has no letters or digits to make an address from; type one.' });
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
