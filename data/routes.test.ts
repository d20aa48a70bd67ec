import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createFactory, daysAgo, inDays } from '@/test/factories';

import { PAGE_SIZE } from './lists';
import { dashboardRecordExists, resolveContentRoute } from './routes';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
});

describe('resolveContentRoute', () => {
  it('finds sections, tags and authors, and only the pages they have', async () => {
    const section = await factory.section();
    const tag = await factory.tag();
    const author = await factory.author();
    for (let i = 0; i < PAGE_SIZE + 1; i += 1) await factory.article({ sectionId: section.id, tagIds: [tag.id], authorIds: [author.id], publishedAt: daysAgo(i + 1) });

    expect(await resolveContentRoute({ kind: 'section', slug: section.slug, page: 1 })).toEqual({ status: 'ok' });
    expect(await resolveContentRoute({ kind: 'section', slug: section.slug, page: 2 })).toEqual({ status: 'ok' });
    expect(await resolveContentRoute({ kind: 'section', slug: section.slug, page: 3 })).toEqual({ status: 'not-found' });
    expect(await resolveContentRoute({ kind: 'tag', slug: tag.slug, page: 2 })).toEqual({ status: 'ok' });
    expect(await resolveContentRoute({ kind: 'author', slug: author.slug, page: 3 })).toEqual({ status: 'not-found' });
    expect(await resolveContentRoute({ kind: 'section', slug: 'no-such-section', page: 1 })).toEqual({ status: 'not-found' });
    expect(await resolveContentRoute({ kind: 'tag', slug: 'Bad Slug', page: 1 })).toEqual({ status: 'not-found' });
  });

  it('answers articles: found, moved to their own section, moved from an old slug, or not there', async () => {
    const home = await factory.section();
    const elsewhere = await factory.section();
    const story = await factory.article({ sectionId: home.id });
    const scheduled = await factory.article({ sectionId: home.id, publishedAt: inDays(1) });
    await factory.oldSlug(story.id, `was-${story.slug}`);
    await factory.oldSlug(scheduled.id, `was-${scheduled.slug}`);

    expect(await resolveContentRoute({ kind: 'article', section: home.slug, slug: story.slug })).toEqual({ status: 'ok' });
    expect(await resolveContentRoute({ kind: 'article', section: elsewhere.slug, slug: story.slug })).toEqual({ status: 'moved', location: `/${home.slug}/${story.slug}` });
    expect(await resolveContentRoute({ kind: 'article', section: home.slug, slug: `was-${story.slug}` })).toEqual({ status: 'moved', location: `/${home.slug}/${story.slug}` });
    expect(await resolveContentRoute({ kind: 'article', section: home.slug, slug: scheduled.slug })).toEqual({ status: 'not-found' });
    expect(await resolveContentRoute({ kind: 'article', section: home.slug, slug: `was-${scheduled.slug}` })).toEqual({ status: 'not-found' });
  });
});

describe('dashboardRecordExists', () => {
  it('finds records by id, and shows a contributor only the stories they started', async () => {
    const section = await factory.section();
    const tag = await factory.tag();
    const author = await factory.author();
    const editor = await factory.user('editor');
    const contributor = await factory.user('contributor');
    const theirs = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null, createdBy: contributor.id });
    const someoneElses = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null, createdBy: editor.id });

    expect(await dashboardRecordExists(editor, { area: 'articles', id: theirs.id })).toBe(true);
    expect(await dashboardRecordExists(editor, { area: 'articles', id: someoneElses.id })).toBe(true);
    expect(await dashboardRecordExists(contributor, { area: 'articles', id: theirs.id })).toBe(true);
    expect(await dashboardRecordExists(contributor, { area: 'articles', id: someoneElses.id })).toBe(false);
    expect(await dashboardRecordExists(editor, { area: 'articles', id: 2_147_483_647 })).toBe(false);

    expect(await dashboardRecordExists(editor, { area: 'sections', id: section.id })).toBe(true);
    expect(await dashboardRecordExists(editor, { area: 'tags', id: tag.id })).toBe(true);
    expect(await dashboardRecordExists(editor, { area: 'authors', id: author.id })).toBe(true);
    expect(await dashboardRecordExists(editor, { area: 'people', id: contributor.id })).toBe(true);
    expect(await dashboardRecordExists(editor, { area: 'tags', id: 2_147_483_647 })).toBe(false);
    expect(await dashboardRecordExists(editor, { area: 'images', id: 2_147_483_647 })).toBe(false);
    expect(await dashboardRecordExists(editor, { area: 'people', id: '00000000-0000-4000-8000-000000000000' })).toBe(false);
  });
});
