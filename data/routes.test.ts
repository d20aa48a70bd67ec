import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createFactory, daysAgo, inDays } from '@/test/factories';

import { PAGE_SIZE } from './lists';
import { resolveContentRoute } from './routes';

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
